package io.msgbench.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhMetric;
import io.msgbench.report.jmh.JmhMetric.HistogramEntry;
import io.msgbench.report.summary.ReportContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which metrics a comparison looks at, and each metric's data as {@link Replicates}. A name is a metric of the
 * result ({@code publishRate}, {@code maxSustainableRate}, JMH's primary such as {@code thrpt}) or a latency
 * percentile {@code <latency>.p50|p99|p99.9|max} ({@code endToEndLatencyCorrected.p99}). A percentile of the
 * latency a result is named after comes from its per-iteration histograms (the figure is the merged
 * percentile, as every report shows it); of the other latencies from msgbench's per-iteration percentiles.
 */
final class ComparedMetrics {
    private static final Map<String, Double> PERCENTILES = Map.of("p50", 50.0, "p99", 99.0, "p99.9", 99.9,
            "max", 100.0);

    private ComparedMetrics() {
    }

    /** What is compared when the user names nothing: the figures a reader of the result looks at first. */
    static List<String> defaults(JmhBenchmarkResult r) {
        if (r.extra() == null) {
            return List.of(primaryName(r));
        }
        String latency = ReportContent.mainLatency(r);
        if (r.secondaryMetrics().containsKey("maxSustainableRate")) {
            return List.of("maxSustainableRate", "publishRate", latency + ".p99");
        }
        if (r.mode().equals("thrpt")) {
            // an unreachable fixed rate: the rate achieved, and the latencies from the actual send
            return List.of("publishRate", latency + ".p50", latency + ".p99");
        }
        return List.of(latency + ".p50", latency + ".p99", latency + ".p99.9", "publishRate");
    }

    /** The metric's unit, e.g. {@code ms/op}; null when the result does not have it. */
    static String unit(JmhBenchmarkResult r, String name) {
        JmhMetric m = ReportContent.metric(r, latencyOf(name));
        return m == null ? null : m.scoreUnit();
    }

    /** The metric's data, or null when the result does not have it. */
    static Replicates of(JmhBenchmarkResult r, String name) {
        String percentileName = percentileOf(name);
        if (percentileName == null) {
            JmhMetric m = ReportContent.metric(r, name);
            if (m == null) {
                return null;
            }
            return m.rawData() != null ? new Replicates.Means(m.rawData()) : histograms(m, -1);
        }
        String latency = latencyOf(name);
        double p = PERCENTILES.get(percentileName);
        if (r.benchmark().endsWith("." + latency) && r.primaryMetric().rawDataHistogram() != null) {
            return histograms(r.primaryMetric(), p);
        }
        return perIterationFigures(r.extra(), latency, percentileName);
    }

    /** The names a result offers, for the message when a named metric is missing. */
    static List<String> available(JmhBenchmarkResult r) {
        TreeSet<String> names = new TreeSet<>(r.secondaryMetrics().keySet());
        names.add(primaryName(r));
        if (r.extra() != null) {
            for (String latency : io.msgbench.metrics.LatencyMetric.resultNames()) {
                PERCENTILES.keySet().forEach(p -> names.add(latency + "." + p));
            }
        }
        return new ArrayList<>(names);
    }

    static String primaryName(JmhBenchmarkResult r) {
        return r.benchmark().substring(r.benchmark().lastIndexOf('.') + 1);
    }

    /** {@code p99} of {@code endToEndLatency.p99}, or null for a plain metric name. */
    private static String percentileOf(String name) {
        for (String p : List.of("p99.9", "p50", "p99", "max")) {
            if (name.endsWith("." + p)) {
                return p;
            }
        }
        return null;
    }

    private static String latencyOf(String name) {
        String p = percentileOf(name);
        return p == null ? name : name.substring(0, name.length() - p.length() - 1);
    }

    private static Replicates histograms(JmhMetric m, double percentile) {
        List<List<List<HistogramEntry>>> raw = m.rawDataHistogram();
        TreeSet<Double> values = new TreeSet<>();
        raw.forEach(f -> f.forEach(i -> i.forEach(e -> values.add(e.value()))));
        double[] axis = values.stream().mapToDouble(Double::doubleValue).toArray();
        long[][][] counts = new long[raw.size()][][];
        for (int f = 0; f < raw.size(); f++) {
            counts[f] = new long[raw.get(f).size()][axis.length];
            for (int i = 0; i < raw.get(f).size(); i++) {
                for (HistogramEntry e : raw.get(f).get(i)) {
                    counts[f][i][java.util.Arrays.binarySearch(axis, e.value())] += e.count();
                }
            }
        }
        return new Replicates.MergedPercentile(axis, counts, percentile);
    }

    /** msgbench's per-iteration figures ({@code msgbench.forks[].iterations[]}, measurement only). */
    private static Replicates perIterationFigures(ObjectNode extra, String latency, String percentile) {
        if (extra == null) {
            return null;
        }
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : extra.path("forks")) {
            List<Double> values = new ArrayList<>();
            for (JsonNode i : fork.path("iterations")) {
                JsonNode v = i.path(latency).path(percentile);
                if ("measurement".equals(i.path("kind").asText()) && v.isNumber()) {
                    values.add(v.asDouble());
                }
            }
            if (!values.isEmpty()) {
                forks.add(values.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return forks.isEmpty() ? null : new Replicates.Means(forks.toArray(double[][]::new));
    }
}
