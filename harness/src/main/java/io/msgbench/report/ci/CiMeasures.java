package io.msgbench.report.ci;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhMetric;
import io.msgbench.report.summary.ReportContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a CI tool should track of each result: every latency's p50, p99, p99.9 and max (smaller is better), the rates
 * (bigger is better), each with the spread of its measurement iterations as bounds; a JMH file's own results by their
 * primary score and its confidence interval.
 */
final class CiMeasures {
    /** One tracked figure. */
    record Measure(String benchmark, String metric, String percentile, String unit, double value, double lower,
                   double upper, boolean smallerIsBetter, String detail) {
        /** e.g. {@code end-to-end-latency-corrected-p99-9-ms}: a Bencher measure slug (at most 64 of a-z, 0-9, -). */
        String slug() {
            String base = metric.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                    + (percentile.isEmpty() ? "" : "-" + percentile.replace('.', '-')) + "-" + unitSlug();
            String slug = base.replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
            return slug.length() <= 64 ? slug : slug.substring(0, 64);
        }

        private String unitSlug() {
            return unit.replace("/", "-per-");
        }
    }

    /** Latencies, as the reports name them, and the percentiles tracked of each (name → scorePercentiles key). */
    private static final List<String> LATENCIES = List.of("endToEndLatencyCorrected", "endToEndLatency",
            "publishLatencyCorrected", "publishLatency", "publishDelayLatency");
    private static final Map<String, String> PERCENTILES = orderedPercentiles();
    private static final List<String> RATES = List.of("publishRate", "consumeRate", "maxSustainableRate");

    private CiMeasures() {
    }

    private static Map<String, String> orderedPercentiles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("p50", "50.0");
        m.put("p99", "99.0");
        m.put("p99.9", "99.9");
        m.put("max", "100.0");
        return m;
    }

    static List<Measure> of(List<JmhBenchmarkResult> results) {
        List<Measure> out = new ArrayList<>();
        for (JmhBenchmarkResult r : results) {
            String name = benchmarkName(r);
            if (r.extra() == null) {
                JmhMetric p = r.primaryMetric();
                boolean throughput = p.scoreUnit().startsWith("ops/");
                out.add(new Measure(name, r.mode(), "", p.scoreUnit(), p.score(), p.scoreConfidenceLow(),
                        p.scoreConfidenceHigh(), !throughput, "JMH " + r.mode() + ", 99.9 % confidence interval"));
                continue;
            }
            for (String latency : LATENCIES) {
                JmhMetric m = ReportContent.metric(r, latency);
                if (m == null || m.scorePercentiles() == null || m.scorePercentiles().isEmpty()) {
                    continue;
                }
                String unit = m.scoreUnit().replace("/op", "");
                for (Map.Entry<String, String> p : PERCENTILES.entrySet()) {
                    Double value = m.scorePercentiles().get(p.getValue());
                    if (value == null || !Double.isFinite(value)) {
                        continue;
                    }
                    double[] spread = iterationSpread(r, latency, p.getKey(), value);
                    out.add(new Measure(name, latency, p.getKey(), unit, value, spread[0], spread[1], true,
                            "over the merged histograms of the measurement iterations; bounds: the iterations' own "
                                    + p.getKey()));
                }
            }
            for (String rate : RATES) {
                JmhMetric m = r.secondaryMetrics().get(rate);
                if (rate.equals("publishRate") && m == null && r.primaryMetric().scoreUnit().startsWith("ops/")) {
                    m = r.primaryMetric(); // a throughput result: the rate is the primary
                }
                if (m == null || !Double.isFinite(m.score())) {
                    continue;
                }
                double[] spread = rawSpread(m);
                out.add(new Measure(name, rate, "", "msg/s", m.score(), spread[0], spread[1], false,
                        "mean over the measurement iterations; bounds: the lowest and highest iteration"));
            }
        }
        return out;
    }

    /** e.g. {@code LatencyTest.endToEndLatencyCorrected [acks=1, client=kafka]}. */
    private static String benchmarkName(JmhBenchmarkResult r) {
        String b = r.benchmark();
        int method = b.lastIndexOf('.');
        int type = method > 0 ? b.lastIndexOf('.', method - 1) : -1;
        String shortName = b.substring(type + 1);
        return r.params().isEmpty() ? shortName : shortName + " [" + ReportContent.paramsLabel(r) + "]";
    }

    /** The lowest and highest of the measurement iterations' own percentile ({@code msgbench.forks}). */
    private static double[] iterationSpread(JmhBenchmarkResult r, String latency, String percentile, double value) {
        double low = value;
        double high = value;
        for (JsonNode fork : r.extra().path("forks")) {
            for (JsonNode i : fork.path("iterations")) {
                JsonNode v = i.path(latency).path(percentile);
                if ("measurement".equals(i.path("kind").asText()) && v.isNumber()) {
                    low = Math.min(low, v.asDouble());
                    high = Math.max(high, v.asDouble());
                }
            }
        }
        return new double[] {low, high};
    }

    private static double[] rawSpread(JmhMetric m) {
        double low = m.score();
        double high = m.score();
        if (m.rawData() != null) {
            for (double[] fork : m.rawData()) {
                for (double v : fork) {
                    if (Double.isFinite(v)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
        }
        return new double[] {low, high};
    }
}
