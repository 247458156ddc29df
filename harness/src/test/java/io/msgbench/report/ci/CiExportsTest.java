package io.msgbench.report.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI tools' files checked against their documented formats: Bencher Metric Format's JSON schema
 * (bencher.dev/bmf.json: an object of benchmarks, each an object of measures, each with a numeric {@code value} and
 * optional {@code lower_value}, {@code upper_value}; measure slugs of at most 64 characters) and github-action-benchmark's
 * custom tools (an array of {@code {name, unit, value}} with optional {@code range} and {@code extra} strings).
 */
class CiExportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JmhBenchmarkResult> read(String resource) throws IOException {
        try (InputStream in = CiExportsTest.class.getResourceAsStream("/" + resource)) {
            return JmhJsonReader.parse(in.readAllBytes(), resource);
        }
    }

    @Test
    void bencherSeesEveryPercentileAndRateWithBounds() throws IOException {
        JsonNode bmf = JSON.readTree(BencherMetricFormat.of(read("msgbench-examples/latency-two-forks.json")));
        assertThat(bmf.isObject()).isTrue();
        List<String> benchmarks = new ArrayList<>();
        bmf.fieldNames().forEachRemaining(benchmarks::add);
        assertThat(benchmarks).containsExactly(
                "LatencyTest.endToEndLatencyCorrected [acks=1, client=kafka, producerRate=500]",
                "LatencyTest.endToEndLatencyCorrected [acks=all, client=kafka, producerRate=500]");
        for (JsonNode benchmark : bmf) {
            benchmark.fields().forEachRemaining(m -> {
                assertThat(m.getKey()).matches("[a-z0-9-]{1,64}");
                JsonNode metric = m.getValue();
                assertThat(metric.get("value").isNumber()).isTrue();
                assertThat(metric.get("lower_value").asDouble()).isLessThanOrEqualTo(metric.get("value").asDouble());
                assertThat(metric.get("upper_value").asDouble()).isGreaterThanOrEqualTo(metric.get("value").asDouble());
                metric.fieldNames().forEachRemaining(f -> assertThat(f).isIn("value", "lower_value", "upper_value"));
            });
            assertThat(benchmark.has("end-to-end-latency-corrected-p50-ms")).isTrue();
            assertThat(benchmark.has("end-to-end-latency-corrected-p99-9-ms")).isTrue();
            assertThat(benchmark.has("publish-latency-max-ms")).isTrue();
            assertThat(benchmark.has("publish-delay-latency-p99-ms")).isTrue();
            assertThat(benchmark.get("publish-rate-msg-per-s").get("value").asDouble()).isBetween(490.0, 510.0);
        }
        JsonNode acks1 = bmf.get(benchmarks.get(0)).get("end-to-end-latency-corrected-p99-ms");
        assertThat(acks1.get("value").asDouble()).isEqualTo(read("msgbench-examples/latency-two-forks.json").get(0)
                .primaryMetric().scorePercentiles().get("99.0"));
    }

    @Test
    void jmhsOwnFilesGiveTheirPrimaryScoreWithItsInterval() throws IOException {
        JsonNode bmf = JSON.readTree(BencherMetricFormat.of(read("jmh-examples/thrpt.json")));
        JsonNode first = bmf.elements().next();
        JsonNode measure = first.elements().next();
        assertThat(measure.get("lower_value").asDouble()).isLessThan(measure.get("value").asDouble());
        assertThat(JSON.readTree(GithubActionBenchmark.of(read("jmh-examples/thrpt.json"), false))).isNotEmpty();
        assertThat(JSON.readTree(GithubActionBenchmark.of(read("jmh-examples/thrpt.json"), true))).isEmpty();
    }

    @Test
    void githubActionBenchmarkGetsTheLatenciesSmallerAndTheRatesBigger() throws IOException {
        List<JmhBenchmarkResult> results = read("msgbench-examples/latency-two-forks.json");
        JsonNode smaller = JSON.readTree(GithubActionBenchmark.of(results, true));
        JsonNode bigger = JSON.readTree(GithubActionBenchmark.of(results, false));
        assertThat(smaller.isArray()).isTrue();
        // 2 scenarios × 5 latencies × 4 percentiles
        assertThat(smaller).hasSize(40).allSatisfy(e -> {
            assertThat(e.get("name").asText()).isNotBlank();
            assertThat(e.get("unit").asText()).isEqualTo("ms");
            assertThat(e.get("value").isNumber()).isTrue();
            assertThat(e.get("range").asText()).startsWith("± ");
            e.fieldNames().forEachRemaining(f -> assertThat(f).isIn("name", "unit", "value", "range", "extra"));
        });
        assertThat(smaller.get(1).get("name").asText()).isEqualTo(
                "LatencyTest.endToEndLatencyCorrected [acks=1, client=kafka, producerRate=500] endToEndLatencyCorrected p99");
        assertThat(bigger).hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> assertThat(e.get("unit").asText())
                .isEqualTo("msg/s"));
    }
}
