package io.msgbench.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-of-run table in JMH's shape, from a real result file of msgbench (two scenarios, two forks each). */
class JmhSummaryTableTest {
    @Test
    void aRowPerPrimaryAndSecondaryMetricInJmhsColumns() throws Exception {
        List<JmhBenchmarkResult> results;
        try (InputStream in = getClass().getResourceAsStream("/msgbench-examples/latency-two-forks.json")) {
            results = JmhJsonReader.parse(in.readAllBytes(), "latency-two-forks.json");
        }
        List<String> lines = JmhSummaryTable.lines(results);
        assertThat(lines.get(0)).matches("Benchmark +\\(acks\\) +\\(client\\) +\\(producerRate\\) +Mode +Cnt +Score +"
                + "Error +Units");
        int rows = results.stream().mapToInt(r -> 1 + r.secondaryMetrics().size()).sum();
        assertThat(lines).hasSize(1 + rows);
        JmhBenchmarkResult first = results.get(0);
        // the package all share is left out; the primary's Cnt is its samples, its error JMH's ±
        long samples = first.primaryMetric().rawDataHistogram().stream().flatMap(List::stream).flatMap(List::stream)
                .mapToLong(JmhMetric.HistogramEntry::count).sum();
        assertThat(lines.get(1)).startsWith("LatencyTest.endToEndLatencyCorrected ")
                .matches(".* sample +" + samples + " +" + String.format(java.util.Locale.ROOT, "%.3f",
                        first.primaryMetric().score()).replace(".", "\\.") + " ± +[0-9.]+ +ms/op");
        // secondaries follow, Benchmark:name, sorted by name; percentiles have neither Cnt nor error
        assertThat(lines.get(2)).startsWith("LatencyTest.endToEndLatencyCorrected:");
        assertThat(lines).anyMatch(l -> l.matches("LatencyTest\\.endToEndLatencyCorrected:p0\\.99 .* sample +[0-9.]+ "
                + "+ms/op"));
        assertThat(JmhSummaryTable.score(Double.NaN)).isEqualTo("NaN");
        assertThat(JmhSummaryTable.score(0.0001)).isEqualTo("≈ 0");
        assertThat(JmhSummaryTable.score(12.34567)).isEqualTo("12.346");
    }
}
