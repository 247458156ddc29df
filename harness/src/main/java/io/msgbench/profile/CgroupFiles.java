package io.msgbench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CPU and memory limits and use of the cgroup this process runs in, from the kernel's files (cgroup v2, or v1
 * where a machine still mounts it): OSHI sees the whole machine, a container's limits are only here.
 *
 * <p>Totals: {@code cgroup.cpu.seconds} used, {@code cgroup.cpu.periods} and {@code cgroup.cpu.throttled} (scheduler
 * periods, and those in which the group was throttled). Levels: {@code cgroup.cpu.cores} (the quota; absent when
 * unlimited), {@code cgroup.memory.bytes} used and {@code cgroup.memory.limit} (absent when unlimited).
 */
final class CgroupFiles {
    /** v1's "no limit": the largest multiple of the page size. */
    private static final double V1_UNLIMITED = 9.2e18;

    private final Path root;
    private final boolean v2;
    private final Path cpu;
    private final Path cpuacct;
    private final Path memory;

    private CgroupFiles(Path root, boolean v2, Path cpu, Path cpuacct, Path memory) {
        this.root = root;
        this.v2 = v2;
        this.cpu = cpu;
        this.cpuacct = cpuacct;
        this.memory = memory;
    }

    /** This process's cgroup, or empty where the machine has none to read (not Linux, nothing mounted). */
    static Optional<CgroupFiles> ofThisProcess() {
        return of(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
    }

    /** @param membership a {@code /proc/<pid>/cgroup} file */
    static Optional<CgroupFiles> of(Path root, Path membership) {
        List<String> lines;
        try {
            lines = Files.readAllLines(membership);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            for (String line : lines) {
                if (line.startsWith("0::")) {
                    Path group = within(root, line.substring(3));
                    return Optional.of(new CgroupFiles(root, true, group, group, group));
                }
            }
            return Optional.empty();
        }
        Map<String, String> paths = new TreeMap<>();
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3) {
                for (String controller : parts[1].split(",")) {
                    paths.put(controller, parts[2]);
                }
            }
        }
        Path cpu = v1(root, "cpu", paths);
        Path cpuacct = v1(root, "cpuacct", paths);
        Path memory = v1(root, "memory", paths);
        return cpu == null && cpuacct == null && memory == null ? Optional.empty()
                : Optional.of(new CgroupFiles(root, false, cpu, cpuacct, memory));
    }

    /** The group's directory; where the namespace hides the path (a container), its root. */
    private static Path within(Path mount, String group) {
        Path p = mount.resolve(group.replaceFirst("^/+", ""));
        return Files.isDirectory(p) ? p : mount;
    }

    private static Path v1(Path root, String controller, Map<String, String> paths) {
        for (String mount : List.of(controller, "cpu,cpuacct", "cpuacct,cpu")) {
            Path m = root.resolve(mount);
            if (Files.isDirectory(m) && paths.containsKey(controller)) {
                return within(m, paths.get(controller));
            }
        }
        return null;
    }

    /** Reads the group's figures now into {@code totals} and {@code levels}; what cannot be read is left out. */
    void read(Map<String, Double> totals, Map<String, Double> levels) {
        if (v2) {
            Map<String, Double> stat = keyed(cpu.resolve("cpu.stat"));
            put(totals, "cgroup.cpu.seconds", stat.get("usage_usec"), 1e-6);
            put(totals, "cgroup.cpu.periods", stat.get("nr_periods"), 1);
            put(totals, "cgroup.cpu.throttled", stat.get("nr_throttled"), 1);
            String[] max = text(cpu.resolve("cpu.max")).split("\\s+");
            if (max.length == 2 && !max[0].equals("max")) {
                put(levels, "cgroup.cpu.cores", number(max[0]) / number(max[1]), 1);
            }
            put(levels, "cgroup.memory.bytes", number(text(memory.resolve("memory.current"))), 1);
            put(levels, "cgroup.memory.limit", number(text(memory.resolve("memory.max"))), 1);
            return;
        }
        if (cpuacct != null) {
            put(totals, "cgroup.cpu.seconds", number(text(cpuacct.resolve("cpuacct.usage"))), 1e-9);
        }
        if (cpu != null) {
            Map<String, Double> stat = keyed(cpu.resolve("cpu.stat"));
            put(totals, "cgroup.cpu.periods", stat.get("nr_periods"), 1);
            put(totals, "cgroup.cpu.throttled", stat.get("nr_throttled"), 1);
            double quota = number(text(cpu.resolve("cpu.cfs_quota_us")));
            if (quota > 0) {
                put(levels, "cgroup.cpu.cores", quota / number(text(cpu.resolve("cpu.cfs_period_us"))), 1);
            }
        }
        if (memory != null) {
            put(levels, "cgroup.memory.bytes", number(text(memory.resolve("memory.usage_in_bytes"))), 1);
            double limit = number(text(memory.resolve("memory.limit_in_bytes")));
            if (limit < V1_UNLIMITED) {
                put(levels, "cgroup.memory.limit", limit, 1);
            }
        }
    }

    /** Where the files are read from, for the console. */
    String describe() {
        return (v2 ? "cgroup v2 " : "cgroup v1 ") + (v2 ? cpu : memory != null ? memory : root);
    }

    private static void put(Map<String, Double> into, String name, Double value, double scale) {
        if (value != null && Double.isFinite(value * scale)) {
            into.put(name, value * scale);
        }
    }

    private static Map<String, Double> keyed(Path file) {
        Map<String, Double> values = new TreeMap<>();
        for (String line : text(file).split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2) {
                values.put(kv[0], number(kv[1]));
            }
        }
        return values;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A number, or NaN for "max", an empty file or anything else. */
    private static double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
