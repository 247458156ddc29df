package io.msgbench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's files as cgroup v2 and v1 lay them out, the process's own group found from its membership file. */
class CgroupFilesTest {
    @Test
    void version2(@TempDir Path root) throws IOException {
        Path group = Files.createDirectories(root.resolve("kubepods/pod1"));
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory io");
        Files.writeString(group.resolve("cpu.stat"), "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n"
                + "nr_periods 200\nnr_throttled 10\nthrottled_usec 90000\n");
        Files.writeString(group.resolve("cpu.max"), "150000 100000\n");
        Files.writeString(group.resolve("memory.current"), "1048576\n");
        Files.writeString(group.resolve("memory.max"), "max\n");
        Path membership = Files.writeString(root.resolve("self-cgroup"), "0::/kubepods/pod1\n");
        reads(root, membership, Map.of("cgroup.cpu.seconds", 2.5, "cgroup.cpu.periods", 200.0,
                "cgroup.cpu.throttled", 10.0), Map.of("cgroup.cpu.cores", 1.5, "cgroup.memory.bytes", 1048576.0),
                "no memory limit: max");
    }

    @Test
    void version1(@TempDir Path root) throws IOException {
        Path cpu = Files.createDirectories(root.resolve("cpu,cpuacct/docker/abc"));
        Path memory = Files.createDirectories(root.resolve("memory/docker/abc"));
        Files.writeString(cpu.resolve("cpuacct.usage"), "3000000000\n");
        Files.writeString(cpu.resolve("cpu.stat"), "nr_periods 50\nnr_throttled 0\nthrottled_time 0\n");
        Files.writeString(cpu.resolve("cpu.cfs_quota_us"), "-1\n");
        Files.writeString(cpu.resolve("cpu.cfs_period_us"), "100000\n");
        Files.writeString(memory.resolve("memory.usage_in_bytes"), "2048\n");
        Files.writeString(memory.resolve("memory.limit_in_bytes"), "4096\n");
        Path membership = Files.writeString(root.resolve("self-cgroup"),
                "4:memory:/docker/abc\n2:cpu,cpuacct:/docker/abc\n1:name=systemd:/\n");
        reads(root, membership, Map.of("cgroup.cpu.seconds", 3.0, "cgroup.cpu.periods", 50.0,
                "cgroup.cpu.throttled", 0.0), Map.of("cgroup.memory.bytes", 2048.0, "cgroup.memory.limit", 4096.0),
                "no CPU quota: -1");
    }

    /** The group {@code membership} names under {@code root} reads as these totals and levels. */
    private static void reads(Path root, Path membership, Map<String, Double> totals, Map<String, Double> levels,
                              String why) {
        Map<String, Double> readTotals = new TreeMap<>();
        Map<String, Double> readLevels = new TreeMap<>();
        CgroupFiles.of(root, membership).orElseThrow().read(readTotals, readLevels);
        assertThat(readTotals).isEqualTo(totals);
        assertThat(readLevels).as(why).isEqualTo(levels);
    }

    @Test
    void noFilesNoCgroup(@TempDir Path root) {
        assertThat(CgroupFiles.of(root, root.resolve("missing"))).isEmpty();
    }
}
