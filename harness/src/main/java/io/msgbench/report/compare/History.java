package io.msgbench.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.summary.ReportContent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code compare --history}: the results of many runs in time order, and where each scenario's figures changed
 * ({@link ChangePoints}) and by how much.
 */
public final class History {
    /** One run's result file: when it ran and what it holds. */
    public record Run(Path file, Instant time, List<JmhBenchmarkResult> results) {
    }

    /** A change point of one scenario's metric. */
    public record Found(String scenario, String metric, String unit, ChangePoints.Change change, Run run, int index,
                        int runs, Comparison.Verdict verdict) {
    }

    private History() {
    }

    /**
     * When a run ran: the first measured iteration's start in msgbench's files, else {@code fallback} (the file's
     * time, for JMH's own files).
     */
    public static Instant timeOf(List<JmhBenchmarkResult> results, Instant fallback) {
        long first = Long.MAX_VALUE;
        for (JmhBenchmarkResult r : results) {
            if (r.extra() == null) {
                continue;
            }
            for (JsonNode fork : r.extra().path("forks")) {
                for (JsonNode i : fork.path("iterations")) {
                    if (i.path("startEpochNanos").isNumber()) {
                        first = Math.min(first, i.path("startEpochNanos").asLong());
                    }
                }
            }
        }
        return first == Long.MAX_VALUE ? fallback : Instant.ofEpochSecond(0, first);
    }

    /**
     * The change points of every scenario's metrics over {@code runs} (ordered here by time).
     *
     * @param metrics   the metrics, or empty for each scenario's defaults (as {@code compare}'s)
     * @param threshold a change smaller than this (relative) is a change, not judged regressed or improved
     */
    public static List<Found> of(List<Run> runs, List<String> metrics, double maxPValue, double threshold) {
        List<Run> ordered = runs.stream().sorted(Comparator.comparing(Run::time)).toList();
        Map<String, JmhBenchmarkResult> scenarios = new LinkedHashMap<>();
        for (Run run : ordered) {
            run.results().forEach(r -> scenarios.putIfAbsent(key(r), r));
        }
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, JmhBenchmarkResult> scenario : scenarios.entrySet()) {
            JmhBenchmarkResult first = scenario.getValue();
            for (String metric : metrics.isEmpty() ? ComparedMetrics.defaults(first) : metrics) {
                List<Double> values = new ArrayList<>();
                List<Integer> runIndex = new ArrayList<>();
                for (int i = 0; i < ordered.size(); i++) {
                    for (JmhBenchmarkResult r : ordered.get(i).results()) {
                        Replicates data = key(r).equals(scenario.getKey()) ? ComparedMetrics.of(r, metric) : null;
                        double v = data == null ? Double.NaN : data.estimate();
                        if (Double.isFinite(v)) {
                            values.add(v);
                            runIndex.add(i);
                            break;
                        }
                    }
                }
                double[] series = values.stream().mapToDouble(Double::doubleValue).toArray();
                String unit = ComparedMetrics.unit(first, metric);
                Direction direction = Direction.ofUnit(unit == null ? "" : unit);
                for (ChangePoints.Change c : ChangePoints.of(series, maxPValue)) {
                    int run = runIndex.get(c.at());
                    found.add(new Found(label(first), metric, unit, c, ordered.get(run), run, ordered.size(),
                            judge(c.relative(), threshold, direction)));
                }
            }
        }
        return found;
    }

    private static Comparison.Verdict judge(double change, double threshold, Direction direction) {
        if (Math.abs(change) <= threshold || direction == Direction.NEUTRAL) {
            return Comparison.Verdict.CHANGED;
        }
        boolean better = direction == Direction.HIGHER_IS_BETTER ? change > 0 : change < 0;
        return better ? Comparison.Verdict.IMPROVED : Comparison.Verdict.REGRESSED;
    }

    /** The findings as lines for the console. */
    public static String text(List<Run> runs, List<Found> found, double maxPValue) {
        StringBuilder b = new StringBuilder();
        Instant from = runs.stream().map(Run::time).min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Instant to = runs.stream().map(Run::time).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        b.append(String.format(Locale.ROOT, "History of %d runs, %s to %s: change points (E-Divisive means, Student's "
                + "t-test, p < %s for the most extreme split of a stretch)%n", runs.size(), from, to, maxPValue));
        for (Found f : found) {
            String unit = f.unit() == null ? "" : " " + f.unit();
            b.append(String.format(Locale.ROOT, "%s  %s  from run %d of %d (%s, %s): %s → %s%s  %s  %s  p = %.2g%n",
                    f.scenario(), f.metric(), f.index() + 1, f.runs(), f.run().time(), f.run().file(),
                    figure(f.change().before()), figure(f.change().after()), unit,
                    Comparison.percent(f.change().relative()), f.verdict().text(), f.change().pValue()));
        }
        b.append(found.isEmpty() ? "No change point.\n" : found.size() + " change point(s).\n");
        return b.toString();
    }

    private static String figure(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String key(JmhBenchmarkResult r) {
        return r.benchmark() + " " + new java.util.TreeMap<>(r.params());
    }

    private static String label(JmhBenchmarkResult r) {
        String b = r.benchmark();
        int method = b.lastIndexOf('.');
        int type = method > 0 ? b.lastIndexOf('.', method - 1) : -1;
        return b.substring(type + 1) + (r.params().isEmpty() ? "" : " (" + ReportContent.paramsLabel(r) + ")");
    }
}
