package io.msgbench.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.msgbench.report.jmh.JmhMetric.HistogramEntry;

/**
 * JMH's statistics, checked against the numbers JMH 1.37 itself wrote. All comparisons are exact (bit-equal
 * doubles, NaN equal to NaN): the arithmetic order is JMH's, so there is no tolerance to choose.
 */
class JmhStatisticsTest {

    /** Units JMH gives metrics with sum semantics in the examples ({@code @AuxCounters(EVENTS)}, {@code gc.count}). */
    private static final Set<String> SUM_UNITS = Set.of("#", "counts");

    static List<String> files() {
        return JmhExamples.FILES;
    }

    @Test
    void thrptFirstObjectIsReproducedExactly() {
        double[][] raw = {{41944.81269993976, 49388.905308341695}, {48616.098542414584, 61460.820999308235}};

        JmhMetric m = JmhMetric.ofIterations(raw, "ops/ms");

        assertThat(m.score()).isEqualTo(50352.659387501066);
        assertThat(m.scoreError()).isEqualTo(52501.10894831536);
        assertThat(m.scoreConfidence()).containsExactly(-2148.449560814297, 102853.76833581642);
        assertThat(m.scorePercentiles()).containsExactly(
                Map.entry("0.0", 41944.81269993976),
                Map.entry("50.0", 49002.501925378136),
                Map.entry("90.0", 61460.820999308235),
                Map.entry("95.0", 61460.820999308235),
                Map.entry("99.0", 61460.820999308235),
                Map.entry("99.9", 61460.820999308235),
                Map.entry("99.99", 61460.820999308235),
                Map.entry("99.999", 61460.820999308235),
                Map.entry("99.9999", 61460.820999308235),
                Map.entry("100.0", 61460.820999308235));
        assertThat(m.rawData()).isEqualTo(raw);
    }

    /** Every metric of every example, rebuilt from its raw data by the factory for its shape, equals JMH's. */
    @ParameterizedTest
    @MethodSource("files")
    void everyMetricIsRecomputedExactlyFromItsRawData(String file) {
        List<String> checked = new ArrayList<>();
        for (JmhBenchmarkResult r : JmhExamples.read(file)) {
            JmhMetric primary = r.primaryMetric();
            assertThat(recompute(primary)).as("%s %s primary", file, r.benchmark()).isEqualTo(primary);
            checked.add(r.benchmark());
            Map<String, JmhMetric> derived = primary.hasHistogram()
                    ? JmhMetric.samplePercentiles(primary.rawDataHistogram(), primary.scoreUnit())
                    : Map.of();
            r.secondaryMetrics().forEach((name, metric) -> {
                JmhMetric expected = derived.containsKey(name) ? derived.get(name) : recompute(metric);
                assertThat(expected).as("%s %s %s", file, r.benchmark(), name).isEqualTo(metric);
            });
            assertThat(r.secondaryMetrics().keySet()).containsAll(derived.keySet());
        }
        assertThat(checked).isNotEmpty();
    }

    private static JmhMetric recompute(JmhMetric m) {
        if (m.hasHistogram()) {
            return JmhMetric.ofHistogram(m.rawDataHistogram(), m.scoreUnit());
        }
        return SUM_UNITS.contains(m.scoreUnit())
                ? JmhMetric.ofSum(m.rawData(), m.scoreUnit())
                : JmhMetric.ofIterations(m.rawData(), m.scoreUnit());
    }

    @Test
    void sumMetricOfResultJsonIsTotalWithoutError() {
        JmhBenchmarkResult withAux = JmhExamples.read("result.json").stream()
                .filter(r -> r.benchmark().endsWith(".withAux")).findFirst().orElseThrow();

        JmhMetric messages = JmhMetric.ofSum(withAux.secondaryMetrics().get("messages").rawData(), "#");

        assertThat(messages.score()).isEqualTo(1.178576774E9);
        assertThat(messages.scoreError()).isNaN();
        assertThat(messages.scoreConfidence()).containsExactly(1.178576774E9, 1.178576774E9);
        assertThat(messages.scorePercentiles().get("0.0")).isEqualTo(3.43767456E8);
        assertThat(messages.scorePercentiles().get("50.0")).isEqualTo(4.13149674E8);
        assertThat(messages.scorePercentiles().get("100.0")).isEqualTo(4.21659644E8);
    }

    @Test
    void errorIsNaNForTwoOrFewerValuesAndFiniteFromThree() {
        assertThat(JmhStatistics.of().scoreError()).isNaN();
        assertThat(JmhStatistics.of(5.0).scoreError()).isNaN();
        assertThat(JmhStatistics.of(1.0, 2.0).scoreError()).isNaN();
        assertThat(JmhStatistics.of(1.0, 2.0).scoreConfidence()).containsExactly(Double.NaN, Double.NaN);
        assertThat(JmhStatistics.of(1.0, 2.0, 3.0).scoreError()).isFinite();
    }

    @Test
    void inSampleModeNCountsSamplesNotIterations() {
        List<HistogramEntry> twoSamples = List.of(new HistogramEntry(1.0, 1), new HistogramEntry(2.0, 1));
        List<HistogramEntry> threeSamples = List.of(new HistogramEntry(1.0, 2), new HistogramEntry(2.0, 1));

        assertThat(JmhStatistics.ofHistogram(twoSamples).scoreError()).isNaN();
        JmhStatistics three = JmhStatistics.ofHistogram(threeSamples);
        assertThat(three.n()).isEqualTo(3);
        assertThat(three.scoreError()).isFinite();
        // One iteration with three samples already has an error: n is the sample count.
        assertThat(JmhMetric.ofHistogram(List.of(List.of(threeSamples)), "us/op").scoreError()).isFinite();
    }

    @Test
    void meanAndVarianceMatchTheirDefinitions() {
        JmhStatistics s = JmhStatistics.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0);

        assertThat(s.n()).isEqualTo(8);
        assertThat(s.sum()).isEqualTo(40.0);
        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.variance()).isEqualTo(32.0 / 7);
        assertThat(s.min()).isEqualTo(2.0);
        assertThat(s.max()).isEqualTo(9.0);
    }

    @Test
    void confidenceIsMeanPlusMinusErrorAndNotClamped() {
        JmhStatistics s = JmhStatistics.of(1.0, 100.0, 2.0);

        double[] ci = s.scoreConfidence();

        assertThat(ci[0]).isEqualTo(s.mean() - s.scoreError()).isNegative();
        assertThat(ci[1]).isEqualTo(s.mean() + s.scoreError());
    }

    @Test
    void percentileIsTheLegacyCommonsMathEstimator() {
        JmhStatistics s = JmhStatistics.of(4.0, 1.0, 3.0, 2.0);

        assertThat(s.percentile(0)).isEqualTo(1.0);
        assertThat(s.percentile(10)).as("pos 0.5 < 1: min").isEqualTo(1.0);
        assertThat(s.percentile(50)).as("pos 2.5: between 2nd and 3rd").isEqualTo(2.5);
        assertThat(s.percentile(60)).as("pos 3.0: the 3rd").isEqualTo(3.0);
        assertThat(s.percentile(80)).as("pos 4.0 >= n: max").isEqualTo(4.0);
        assertThat(s.percentile(100)).isEqualTo(4.0);
        assertThat(JmhStatistics.of(7.0).percentile(50)).isEqualTo(7.0);
        assertThat(JmhStatistics.of().percentile(50)).isNaN();
    }

    @Test
    void weightedPercentileAgreesWithTheExpandedValuesOnSimpleNumbers() {
        List<HistogramEntry> entries = List.of(new HistogramEntry(1.0, 2), new HistogramEntry(3.0, 1), new HistogramEntry(10.0, 1));
        JmhStatistics weighted = JmhStatistics.ofHistogram(entries);
        JmhStatistics expanded = JmhStatistics.of(1.0, 1.0, 3.0, 10.0);

        for (double rank : Stream.of(0.0, 10.0, 25.0, 50.0, 60.0, 75.0, 90.0, 100.0).toList()) {
            assertThat(weighted.percentile(rank)).as("rank %s", rank).isEqualTo(expanded.percentile(rank));
        }
        assertThat(weighted.mean()).isEqualTo(expanded.mean());
        assertThat(weighted.variance()).isEqualTo(expanded.variance());
    }

    @Test
    void histogramsOfSeveralIterationsMerge() {
        List<List<List<HistogramEntry>>> histogram = List.of(List.of(
                List.of(new HistogramEntry(1.0, 1), new HistogramEntry(2.0, 1)),
                List.of(new HistogramEntry(2.0, 2))));

        JmhStatistics merged = JmhStatistics.ofHistograms(histogram);

        assertThat(merged.n()).isEqualTo(4);
        assertThat(merged.sum()).isEqualTo(7.0);
        assertThat(merged.percentile(50)).isEqualTo(2.0);
    }

    @Test
    void percentileSecondaryHasTheMergedScoreAndPerIterationRawData() {
        List<List<List<HistogramEntry>>> histogram = List.of(List.of(
                List.of(new HistogramEntry(1.0, 3)),
                List.of(new HistogramEntry(5.0, 3))));

        Map<String, JmhMetric> percentiles = JmhMetric.samplePercentiles(histogram, "ms/op");

        assertThat(percentiles.keySet()).containsExactly("p0.00", "p0.50", "p0.90", "p0.95", "p0.99", "p0.999", "p0.9999", "p1.00");
        JmhMetric p100 = percentiles.get("p1.00");
        assertThat(p100.score()).isEqualTo(5.0);
        assertThat(p100.scoreError()).isNaN();
        assertThat(p100.scoreConfidence()).containsExactly(Double.NaN, Double.NaN);
        assertThat(p100.scorePercentiles().values()).hasSize(10).containsOnly(5.0);
        assertThat(p100.rawData()).isEqualTo(new double[][] {{1.0, 5.0}});
    }

    @Test
    void singleValueHasAFiniteDegenerateInterval() {
        JmhMetric m = JmhMetric.ofSingleValue(4200.0, "ops/s");

        assertThat(m.score()).isEqualTo(4200.0);
        assertThat(m.scoreError()).isNaN();
        assertThat(m.scoreConfidence()).containsExactly(4200.0, 4200.0);
        assertThat(m.scorePercentiles().values()).containsOnly(4200.0);
        assertThat(m.rawData()).isEqualTo(new double[][] {{4200.0}});
    }

    @Test
    void ranksOutsideZeroToHundredAreRejected() {
        assertThatThrownBy(() -> JmhStatistics.of(1.0).percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JmhStatistics.of(1.0).percentile(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
