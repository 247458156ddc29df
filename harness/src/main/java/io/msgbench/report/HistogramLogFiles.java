package io.msgbench.report;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.report.jmh.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The raw latency data of a scenario as HdrHistogram interval logs ({@code .hlog}, values in nanoseconds),
 * one file per latency: one interval per measurement iteration, timed by the iteration's own start and
 * end. Intervals are untagged (what HistogramLogProcessor reads by default); a comment line marks where each
 * fork's intervals begin.
 */
public final class HistogramLogFiles {
    private HistogramLogFiles() {
    }

    /**
     * Writes {@code <folder>/<scenario file name>-<metric>.hlog} for every latency that has values; returns
     * the files written.
     */
    public static List<Path> write(Path folder, ScenarioResult result) throws IOException {
        List<Path> written = new ArrayList<>();
        for (LatencyMetric metric : LatencyMetric.values()) {
            if (result.merged(metric).getTotalCount() == 0) {
                continue;
            }
            Path file = folder.resolve(fileName(result) + "-" + metric.resultName() + ".hlog");
            String log = log(result, metric);
            AtomicFiles.writeText(file, out -> out.write(log));
            written.add(file);
        }
        return written;
    }

    /** e.g. {@code LatencyTest-acks=1-client=kafka}: the class's simple name and the params, file-name safe. */
    static String fileName(ScenarioResult result) {
        return fileName(result.scenario());
    }

    /** A scenario's files' common name: its benchmark and parameters, e.g. {@code LatencyTest-acks=1-client=kafka}. */
    public static String fileName(io.msgbench.scenario.Scenario scenario) {
        StringBuilder b = new StringBuilder(scenario.benchmark().simpleName());
        new java.util.TreeMap<>(scenario.params()).forEach((k, v) -> b.append('-').append(k).append('=').append(v));
        return b.toString().replaceAll("[^A-Za-z0-9=._-]", "_");
    }

    private static String log(ScenarioResult result, LatencyMetric metric) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            long start = Long.MAX_VALUE;
            for (ForkResult f : result.forks()) {
                for (IterationResult i : f.measurement()) {
                    start = Math.min(start, i.startEpochNanos());
                }
            }
            writer.outputComment("msgbench " + result.benchmarkName() + " " + result.scenario().params() + " "
                    + metric.resultName() + ", nanoseconds; one interval per measurement iteration");
            writer.outputStartTime(start / 1_000_000);
            writer.outputBaseTime(start / 1_000_000);
            writer.setBaseTime(start / 1_000_000);
            writer.outputLogFormatVersion();
            writer.outputLegend();
            for (int f = 0; f < result.forks().size(); f++) {
                writer.outputComment("fork " + (f + 1));
                for (IterationResult i : result.forks().get(f).measurement()) {
                    Histogram h = i.latency(metric).copy();
                    h.setStartTimeStamp(i.startEpochNanos() / 1_000_000);
                    h.setEndTimeStamp((i.startEpochNanos() + i.durationNanos()) / 1_000_000);
                    writer.outputIntervalHistogram(h);
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
