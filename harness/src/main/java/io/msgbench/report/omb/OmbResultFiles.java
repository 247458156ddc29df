package io.msgbench.report.omb;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.omb.OmbPlanner;
import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.report.ScenarioResult;
import io.msgbench.report.jmh.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OMB result files, named as OMB names them: {@code <workload-file-basename>-<driver name>-<yyyy-MM-dd-HH-mm-ss>.json},
 * the time being the end of the scenario's measurement in the local time zone (OMB: when it writes the file).
 * A benchmark class stands for the workload file with its simple name and its parameters other than the client;
 * a name taken by an earlier scenario of the run gets {@code -2}, {@code -3}, ... (so names never change as a run
 * goes on and a rewrite replaces the same files).
 */
public final class OmbResultFiles {
    static final DateTimeFormatter OMB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OmbResultFiles() {
    }

    /** Writes one file per result into {@code folder}, atomically; returns them in the results' order. */
    public static List<Path> write(Path folder, List<ScenarioResult> results, ZoneId zone) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String name : names(results, zone)) {
            written.add(write(folder.resolve(name), results.get(written.size())));
        }
        return written;
    }

    /** Writes {@code result}'s OMB file at {@code file}, atomically (OMB's {@code -o}). */
    public static Path write(Path file, ScenarioResult result) throws IOException {
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(OmbResultMapper.toOmb(result));
        AtomicFiles.writeText(file, out -> out.write(json));
        return file;
    }

    /** The file names of {@code results}, in order. */
    static List<String> names(List<ScenarioResult> results, ZoneId zone) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (ScenarioResult r : results) {
            String stem = safe(workloadName(r)) + "-" + safe(OmbResultMapper.driverName(r)) + "-"
                    + OMB_TIME.format(Instant.ofEpochSecond(0, measurementEnd(r)).atZone(zone));
            String name = stem + ".json";
            for (int n = 2; !taken.add(name); n++) {
                name = stem + "-" + n + ".json";
            }
            names.add(name);
        }
        return names;
    }

    /** The workload file's base name, or a benchmark class's simple name and its parameters but the client. */
    private static String workloadName(ScenarioResult r) {
        String className = r.scenario().benchmark().className();
        if (className.startsWith(OmbPlanner.BENCHMARK_PREFIX)) {
            return className.substring(OmbPlanner.BENCHMARK_PREFIX.length());
        }
        StringBuilder b = new StringBuilder(r.scenario().benchmark().simpleName());
        Map<String, String> params = new TreeMap<>(r.scenario().params());
        params.remove(io.msgbench.scenario.ScenarioPlanner.CLIENT);
        params.forEach((k, v) -> b.append('-').append(k).append('=').append(v));
        return b.toString();
    }

    private static long measurementEnd(ScenarioResult r) {
        long end = 0;
        for (ForkResult f : r.forks()) {
            for (IterationResult i : f.measurement()) {
                end = Math.max(end, i.startEpochNanos() + i.durationNanos());
            }
        }
        return end;
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9=._-]", "_");
    }
}
