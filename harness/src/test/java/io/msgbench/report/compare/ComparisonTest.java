package io.msgbench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.report.compare.Comparison.Row;
import io.msgbench.report.compare.Comparison.Verdict;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Verdicts on real files: msgbench's {@code latency-two-forks.json} (LatencyTest, 2 forks × 2 iterations, two
 * parameter combinations) and JMH 1.37's own {@code thrpt.json} and {@code sample.json}.
 */
public class ComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MSGBENCH = "msgbench-examples/latency-two-forks.json";

    @Test
    void aResultAgainstItselfHasNoSignificantChange() {
        List<JmhBenchmarkResult> r = read(MSGBENCH);
        Comparison c = Comparison.of(r, r, 0.25, List.of());
        assertThat(c.rows()).hasSize(8) // 2 scenarios × (e2e* p50, p99, p99.9, publishRate)
                .allSatisfy(row -> {
                    assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
                    assertThat(row.change()).isZero();
                });
        assertThat(c.rows()).extracting(Row::metric).containsExactly("endToEndLatencyCorrected.p50",
                "endToEndLatencyCorrected.p99", "endToEndLatencyCorrected.p99.9", "publishRate",
                "endToEndLatencyCorrected.p50", "endToEndLatencyCorrected.p99", "endToEndLatencyCorrected.p99.9",
                "publishRate");
        assertThat(c.regressed()).isFalse();
        assertThat(c.notes()).isEmpty(); // two forks on both sides
    }

    /** A result marked by self-diagnosis carries its warnings into the comparison, on the side it came from. */
    @Test
    void theResultsWarningsComeWithTheVerdicts() throws IOException {
        ArrayNode marked;
        try (InputStream in = ComparisonTest.class.getResourceAsStream("/" + MSGBENCH)) {
            marked = (ArrayNode) JSON.readTree(in);
        }
        ((ArrayNode) marked.get(0).get("msgbench").withArray("warnings")).add("host CPU 97 % busy in iteration 1 (...)");
        List<JmhBenchmarkResult> changed = JmhJsonReader.parse(JSON.writeValueAsBytes(marked), "marked");
        Comparison c = Comparison.of(read(MSGBENCH), changed, 0.25, List.of());
        assertThat(c.warnings()).singleElement().asString().startsWith("NEW io.msgbench.benchmarks.LatencyTest.")
                .endsWith("): host CPU 97 % busy in iteration 1 (...)");
        assertThat(ComparisonTable.text(c, 0.25)).contains("\nWARNING: NEW io.msgbench.benchmarks.LatencyTest.");
        assertThat(ComparisonTable.markdown(c, 0.25)).contains("- **warning** NEW io.msgbench.benchmarks.LatencyTest.");
        assertThat(Comparison.of(read(MSGBENCH), read(MSGBENCH), 0.25, List.of()).warnings()).isEmpty();
    }

    @Test
    void doubledLatenciesAreARegressionAndTheRateIsNot() {
        List<JmhBenchmarkResult> base = read(MSGBENCH);
        List<JmhBenchmarkResult> slower = transformed(MSGBENCH, u -> u.equals("ms/op"), v -> 2 * v);
        Comparison c = Comparison.of(base, slower, 0.25, List.of());
        assertThat(c.regressed()).isTrue();
        for (Row row : c.rows()) {
            if (row.metric().equals("publishRate")) {
                assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
            } else {
                assertThat(row.change()).as(row.metric()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        // acks=all: its iterations agree (p50 9.6, 7.2 | 9.5, 6.9 ms), so twice that is beyond doubt
        Row steady = row(c, "acks=all", "endToEndLatencyCorrected.p50");
        assertThat(steady.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(steady.changeLow()).isPositive();
        // acks=1: its first, cold iteration is 3-4 times the others (p50 34.1, 10.8 | 12.9, 8.2 ms; -wi 0): with
        // data that noisy even a doubling is within what resampling its forks and iterations gives, so no verdict
        Row noisy = row(c, "acks=1", "endToEndLatencyCorrected.p50");
        assertThat(noisy.verdict()).as("cannot tell is not no change").isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(noisy.changeLow()).isNegative();
        assertThat(noisy.settle()).startsWith("about -f ").contains(" on both sides (the interval is ±");
        assertThat(c.rows()).as("a doubled latency is never unchanged").filteredOn(r -> r.unit().equals("ms/op"))
                .noneMatch(r -> r.verdict() == Verdict.UNCHANGED);
        // and the other way round it is an improvement
        assertThat(row(Comparison.of(slower, base, 0.25, List.of()), "acks=all", "endToEndLatencyCorrected.p50")
                .verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void theMergedPercentileOfTheIterationHistogramsIsTheOneTheReportsShow() {
        JmhBenchmarkResult r = read(MSGBENCH).get(0);
        for (Map.Entry<String, String> p : Map.of("p50", "50.0", "p99", "99.0", "p99.9", "99.9", "max", "100.0").entrySet()) {
            assertThat(ComparedMetrics.of(r, "endToEndLatencyCorrected." + p.getKey()).estimate()).as(p.getKey())
                    .isEqualTo(r.primaryMetric().scorePercentiles().get(p.getValue()));
        }
    }

    @Test
    void jmhsOwnFilesCompareOnTheirPrimaryScoreKnowingThroughputIsBetterHigher() {
        List<JmhBenchmarkResult> thrpt = read("jmh-examples/thrpt.json");
        assertThat(Comparison.of(thrpt, thrpt, 0.05, List.of()).rows()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED));
        List<JmhBenchmarkResult> halved = transformed("jmh-examples/thrpt.json", u -> u.startsWith("ops/"), v -> v / 2);
        Comparison c = Comparison.of(thrpt, halved, 0.05, List.of());
        assertThat(c.rows()).extracting(Row::change).allSatisfy(ch -> assertThat(ch).isCloseTo(-0.5,
                org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(c.rows()).extracting(Row::verdict).containsOnly(Verdict.REGRESSED);

        List<JmhBenchmarkResult> sample = read("jmh-examples/sample.json");
        Comparison s = Comparison.of(sample, transformed("jmh-examples/sample.json", u -> u.equals("us/op"), v -> 3 * v), 0.05, List.of());
        assertThat(s.rows()).extracting(Row::metric).containsOnly("sample");
        assertThat(s.rows()).extracting(Row::change).allSatisfy(ch -> assertThat(ch).isCloseTo(2.0,
                org.assertj.core.api.Assertions.within(1e-9)));
    }

    @Test
    void aSingleForkIsSaidAndUnpairedScenariosAreListed() {
        List<JmhBenchmarkResult> avgt = read("jmh-examples/avgt.json"); // one fork of three iterations
        Comparison c = Comparison.of(avgt, avgt, 0.05, List.of());
        assertThat(c.rows()).hasSize(1);
        assertThat(c.notes()).containsExactly(
                "BASE has a single fork: its interval covers iterations only, not the run-to-run noise that forks "
                        + "show; run both with -f 3 or more for a verdict that holds across runs",
                "NEW has a single fork: its interval covers iterations only, not the run-to-run noise that forks "
                        + "show; run both with -f 3 or more for a verdict that holds across runs");

        List<JmhBenchmarkResult> thrpt = read("jmh-examples/thrpt.json");
        Comparison partial = Comparison.of(thrpt, List.of(thrpt.get(0)), 0.05, List.of());
        assertThat(partial.rows()).hasSize(1);
        assertThat(partial.notes()).containsExactly("only in BASE: " + thrpt.get(1).benchmark() + " (codec=a, size=16)");
    }

    @Test
    void nothingToPairOrANamedMetricNobodyHasIsUnusable() {
        assertThatThrownBy(() -> Comparison.of(read(MSGBENCH), read("jmh-examples/thrpt.json"), 0.05, List.of()))
                .hasMessage("nothing to compare: no scenario (benchmark and parameters) is in both files");
        assertThatThrownBy(() -> Comparison.of(read(MSGBENCH), read(MSGBENCH), 0.05, List.of("latencyy.p99")))
                .hasMessageStartingWith("no paired scenario has latencyy.p99; metrics there are: ")
                .hasMessageContaining("endToEndLatencyCorrected.p99");
    }

    /** The four verdicts by their definitions, at a 20 % threshold. */
    @Test
    void verdictsAreChangeShownNoChangeShownOrNeither() {
        Direction lower = Direction.LOWER_IS_BETTER;
        assertThat(Comparison.verdict(0.5, 0.3, 0.8, 0.2, lower)).isEqualTo(Verdict.REGRESSED);
        assertThat(Comparison.verdict(-0.5, -0.7, -0.3, 0.2, lower)).isEqualTo(Verdict.IMPROVED);
        assertThat(Comparison.verdict(0.02, -0.1, 0.15, 0.2, lower)).as("within ± 20 %").isEqualTo(Verdict.UNCHANGED);
        assertThat(Comparison.verdict(0.02, -0.1, 0.25, 0.2, lower)).as("reaches past +20 %")
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Comparison.verdict(1.0, -0.3, 3.0, 0.2, lower)).as("doubled, but too noisy to show")
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Comparison.verdict(0.1, 0.05, 0.15, 0.2, lower)).as("significant, below the threshold")
                .isEqualTo(Verdict.UNCHANGED);
        assertThat(Comparison.verdict(0.15, 0.05, 0.3, 0.2, lower)).as("significant, may be beyond it")
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Comparison.verdict(0.5, 0.3, 0.8, 0.2, Direction.NEUTRAL)).isEqualTo(Verdict.CHANGED);
        // ±60 % at 2 forks around no change: (0.6 / 0.2)² = 9 times the forks
        assertThat(Comparison.settle(0, -0.6, 0.6, 0.2, 2)).isEqualTo("about -f 18 on both sides (the interval is "
                + "±60 % wide)");
    }

    @Test
    void directionsFollowTheUnit() {
        assertThat(Direction.ofUnit("ms/op")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Direction.ofUnit("ops/s")).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(Direction.ofUnit("MB/s")).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(Direction.ofUnit("#")).isEqualTo(Direction.NEUTRAL);
    }

    private static Row row(Comparison c, String acks, String metric) {
        return c.rows().stream().filter(r -> r.params().startsWith(acks + ",") && r.metric().equals(metric))
                .findFirst().orElseThrow();
    }

    static List<JmhBenchmarkResult> read(String resource) {
        try (InputStream in = ComparisonTest.class.getResourceAsStream("/" + resource)) {
            return JmhJsonReader.parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file with every figure of every metric in {@code unit} transformed — score, raw data, histogram values,
     * percentiles — and msgbench's per-iteration latency figures when the unit is a latency's.
     */
    static List<JmhBenchmarkResult> transformed(String resource, Predicate<String> unit, DoubleUnaryOperator f) {
        return JmhJsonReader.parse(transformedJson(resource, unit, f), resource + " transformed");
    }

    /** {@link #transformed} as the bytes of a JMH JSON file. */
    public static byte[] transformedJson(String resource, Predicate<String> unit, DoubleUnaryOperator f) {
        try (InputStream in = ComparisonTest.class.getResourceAsStream("/" + resource)) {
            ArrayNode root = (ArrayNode) JSON.readTree(in);
            for (JsonNode r : root) {
                transformMetric((ObjectNode) r.get("primaryMetric"), unit, f);
                if (r.has("secondaryMetrics")) {
                    r.get("secondaryMetrics").forEach(m -> transformMetric((ObjectNode) m, unit, f));
                }
                if (r.has("msgbench") && unit.test("ms/op")) {
                    for (JsonNode fork : r.get("msgbench").get("forks")) {
                        for (JsonNode i : fork.get("iterations")) {
                            for (Iterator<String> names = i.fieldNames(); names.hasNext(); ) {
                                JsonNode latency = i.get(names.next());
                                if (latency.isObject() && latency.has("p99")) {
                                    for (String p : List.of("p50", "p99", "p99.9", "max")) {
                                        ((ObjectNode) latency).put(p, f.applyAsDouble(latency.get(p).asDouble()));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void transformMetric(ObjectNode m, Predicate<String> unit, DoubleUnaryOperator f) {
        if (!unit.test(m.get("scoreUnit").asText())) {
            return;
        }
        m.put("score", f.applyAsDouble(m.get("score").asDouble()));
        if (m.has("scorePercentiles")) {
            ObjectNode p = (ObjectNode) m.get("scorePercentiles");
            p.fieldNames().forEachRemaining(k -> p.put(k, f.applyAsDouble(p.get(k).asDouble())));
        }
        if (m.has("rawData")) {
            for (JsonNode fork : m.get("rawData")) {
                for (int i = 0; i < fork.size(); i++) {
                    ((ArrayNode) fork).set(i, JSON.getNodeFactory().numberNode(f.applyAsDouble(fork.get(i).asDouble())));
                }
            }
        }
        if (m.has("rawDataHistogram")) {
            for (JsonNode fork : m.get("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    for (JsonNode entry : iteration) {
                        ((ArrayNode) entry).set(0, JSON.getNodeFactory().numberNode(f.applyAsDouble(entry.get(0).asDouble())));
                    }
                }
            }
        }
    }
}
