package io.msgbench.report.ci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Bencher Metric Format (bencher.dev/docs/reference/bencher-metric-format): {@code {benchmark: {measure: {value,
 * lower_value, upper_value}}}}, for {@code bencher run --adapter json}. Each scenario is a benchmark; each latency
 * percentile and rate a measure, its slug naming metric, percentile and unit.
 */
public final class BencherMetricFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BencherMetricFormat() {
    }

    public static String of(List<JmhBenchmarkResult> results) {
        ObjectNode root = JSON.createObjectNode();
        for (CiMeasures.Measure m : CiMeasures.of(results)) {
            ObjectNode benchmark = root.has(m.benchmark()) ? (ObjectNode) root.get(m.benchmark())
                    : root.putObject(m.benchmark());
            ObjectNode metric = benchmark.putObject(m.slug());
            metric.put("value", m.value());
            if (Double.isFinite(m.lower()) && Double.isFinite(m.upper())) {
                metric.put("lower_value", m.lower());
                metric.put("upper_value", m.upper());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
