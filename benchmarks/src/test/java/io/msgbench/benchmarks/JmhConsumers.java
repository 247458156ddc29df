package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a result file the way the tools that consume JMH JSON do (../shared/reference/jmh-json.md,
 * "Who reads it"), failing where they would fail.
 */
final class JmhConsumers {
    private static final Pattern BENCHER_UNIT = Pattern.compile("(ns|us|µs|ms|s)/op|ops/(ns|us|µs|ms|s)");

    private JmhConsumers() {
    }

    /**
     * github-action-benchmark ({@code tool: jmh}): name = benchmark + ' ( ' + JSON.stringify(params) + ' )',
     * value = primaryMetric.score (a number), unit = scoreUnit; forks, threads and measurementIterations shown.
     */
    static void githubActionBenchmark(JsonNode results) {
        assertThat(results.isArray()).isTrue();
        Set<String> names = new HashSet<>();
        for (JsonNode b : results) {
            String params = b.has("params") ? " ( " + stringify(b.get("params")) + " )" : "";
            assertThat(b.get("params") == null || allTextual(b.get("params"))).as("params are flat strings").isTrue();
            assertThat(names.add(b.get("benchmark").asText() + params)).as("unique name").isTrue();
            assertThat(b.get("primaryMetric").get("score").isNumber()).isTrue();
            assertThat(b.get("primaryMetric").get("scoreUnit").isTextual()).isTrue();
            assertThat(b.get("forks").isInt() && b.get("threads").isInt() && b.get("measurementIterations").isInt()).isTrue();
        }
    }

    /**
     * jmh-visualizer: mode, benchmark split on '.' into class and method, params, primaryMetric with rawData,
     * or rawDataHistogram exactly when the mode is sample, and a secondaryMetrics key.
     */
    static void jmhVisualizer(JsonNode results) {
        for (JsonNode b : results) {
            String[] parts = b.get("benchmark").asText().split("\\.");
            assertThat(parts.length).isGreaterThanOrEqualTo(2);
            assertThat(b.get("mode").asText()).isIn("thrpt", "avgt", "sample", "ss");
            JsonNode primary = b.get("primaryMetric");
            boolean sample = b.get("mode").asText().equals("sample");
            assertThat(primary.has("rawDataHistogram")).isEqualTo(sample);
            assertThat(primary.has("rawData")).isEqualTo(!sample);
            assertThat(b.get("secondaryMetrics").isObject()).isTrue();
            for (Iterator<JsonNode> it = b.get("secondaryMetrics").elements(); it.hasNext(); ) {
                assertThat(it.next().get("rawData").isArray()).isTrue();
            }
        }
    }

    /**
     * Bencher ({@code java_jmh}): primaryMetric score and scoreError as numbers ("NaN" rejects the file),
     * scoreConfidence as two finite numbers, unit exactly {@code <u>/op} or {@code ops/<u>}.
     */
    static void bencher(JsonNode results) {
        for (JsonNode b : results) {
            JsonNode primary = b.get("primaryMetric");
            assertThat(primary.get("score").isNumber()).isTrue();
            assertThat(primary.get("scoreError").isNumber()).as("scoreError is a number").isTrue();
            assertThat(primary.get("scoreConfidence")).hasSize(2)
                    .allSatisfy(v -> assertThat(v.isNumber() && Double.isFinite(v.asDouble())).isTrue());
            assertThat(primary.get("scoreUnit").asText()).matches(BENCHER_UNIT);
            assertThat(b.has("secondaryMetrics")).isTrue();
        }
    }

    private static boolean allTextual(JsonNode params) {
        for (Iterator<JsonNode> it = params.elements(); it.hasNext(); ) {
            if (!it.next().isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** JSON.stringify of a flat object, keys in file order. */
    private static String stringify(JsonNode params) {
        Map<String, String> ordered = new TreeMap<>();
        params.fields().forEachRemaining(e -> ordered.put(e.getKey(), e.getValue().asText()));
        StringBuilder b = new StringBuilder("{");
        ordered.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return b.append('}').toString();
    }
}
