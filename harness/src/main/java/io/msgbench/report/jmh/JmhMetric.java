package io.msgbench.report.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JMH metric object ({@code primaryMetric} or an entry of {@code secondaryMetrics}), exactly the fields JMH
 * 1.37 writes, in its order. Raw data is either {@link #rawData() rawData[fork][iteration]} or, for the primary
 * metric of mode {@code sample}, {@link #rawDataHistogram() rawDataHistogram[fork][iteration][entry]} — never both.
 *
 * <p>Build metrics with the factories, which compute the statistics as JMH does for each shape JMH produces:
 * {@link #ofIterations averaged iterations}, {@link #ofSum counts}, {@link #ofSingleValue a single value},
 * {@link #ofHistogram a sample-mode histogram} and {@link #ofPercentile its p0.00…p1.00 companions}. The canonical
 * constructor takes the fields as they are (the reader uses it), so a metric read from a file is written back
 * unchanged.
 *
 * <p>Immutable: arrays and collections are copied in and out. Equality compares doubles like {@link Double#equals}
 * (NaN equals NaN), so a metric read back equals the metric written.
 *
 * @param score               the score; NaN when nothing was measured
 * @param scoreError          half-width of the 99.9% interval; NaN when JMH gives none
 * @param scoreConfidenceLow  lower end of {@code scoreConfidence}
 * @param scoreConfidenceHigh upper end of {@code scoreConfidence}
 * @param scorePercentiles    {@code "0.0"} … {@code "100.0"} to value, in the order written
 * @param scoreUnit           e.g. {@code ops/s}, {@code ms/op}, {@code #}
 * @param rawData             per fork, per iteration values; null iff {@code rawDataHistogram} is present
 * @param rawDataHistogram    per fork, per iteration, ascending {@code [value, count]} entries; null iff {@code rawData} is present
 */
public record JmhMetric(
        double score,
        double scoreError,
        double scoreConfidenceLow,
        double scoreConfidenceHigh,
        Map<String, Double> scorePercentiles,
        String scoreUnit,
        double[][] rawData,
        List<List<List<HistogramEntry>>> rawDataHistogram) {

    /** The names JMH gives its sample-mode percentile secondaries, with their ranks, in JMH's order. */
    public static final Map<String, Double> SAMPLE_PERCENTILES = orderedMap(
            "p0.00", 0.0, "p0.50", 50.0, "p0.90", 90.0, "p0.95", 95.0,
            "p0.99", 99.0, "p0.999", 99.9, "p0.9999", 99.99, "p1.00", 100.0);

    /**
     * {@code count} samples of {@code value} in one iteration of a sample-mode histogram ({@code [ value, count ]}).
     * JMH leaves empty buckets out, so {@code count} is at least 1.
     */
    public record HistogramEntry(double value, long count) {
        public HistogramEntry {
            if (count < 1) {
                throw new IllegalArgumentException("histogram count must be at least 1: " + count);
            }
        }
    }

    public JmhMetric {
        Objects.requireNonNull(scoreUnit, "scoreUnit");
        scorePercentiles = copyPercentiles(scorePercentiles);
        if ((rawData == null) == (rawDataHistogram == null)) {
            throw new IllegalArgumentException("a metric has exactly one of rawData and rawDataHistogram");
        }
        rawData = rawData == null ? null : deepCopy(rawData);
        rawDataHistogram = rawDataHistogram == null ? null : copyHistogram(rawDataHistogram);
    }

    /**
     * The shape of every averaged JMH metric ({@code thrpt}, {@code avgt}, {@code ss} primaries, rates, latency
     * means): score = mean over all iterations of all forks, error and confidence from the t interval (NaN for
     * two values or fewer), percentiles over the iteration values.
     */
    public static JmhMetric ofIterations(double[][] rawData, String unit) {
        JmhStatistics stats = JmhStatistics.of(rawData);
        double[] ci = stats.scoreConfidence();
        return new JmhMetric(stats.mean(), stats.scoreError(), ci[0], ci[1], stats.scorePercentiles(), unit,
                rawData, null);
    }

    /**
     * JMH's sum semantics for counters ({@code AggregationPolicy.SUM}, e.g. {@code @AuxCounters(EVENTS)} or
     * {@code gc.count}): score = total, error NaN, confidence {@code [total, total]}, percentiles over the
     * per-iteration values.
     */
    public static JmhMetric ofSum(double[][] rawData, String unit) {
        JmhStatistics stats = JmhStatistics.of(rawData);
        return exact(stats.sum(), stats, rawData, unit);
    }

    /**
     * One value measured once per run (e.g. a maximum sustainable rate): JMH's shape for an exact aggregate
     * ({@code AggregationPolicy.MAX/MIN/SUM}) — error NaN, confidence {@code [value, value]}, every percentile the
     * value, {@code rawData [[value]]}. Unlike a one-iteration average, its confidence is finite.
     */
    public static JmhMetric ofSingleValue(double value, String unit) {
        return exact(value, JmhStatistics.of(value), new double[][] {{value}}, unit);
    }

    /**
     * The primary metric of mode {@code sample}: statistics over all samples of all iterations of all forks
     * merged (so {@code n} is the sample count and the error is finite from three samples on).
     */
    public static JmhMetric ofHistogram(List<List<List<HistogramEntry>>> rawDataHistogram, String unit) {
        JmhStatistics stats = JmhStatistics.ofHistograms(rawDataHistogram);
        double[] ci = stats.scoreConfidence();
        return new JmhMetric(stats.mean(), stats.scoreError(), ci[0], ci[1], stats.scorePercentiles(), unit,
                null, rawDataHistogram);
    }

    /**
     * A percentile derived from a histogram, as JMH's {@code p0.00…p1.00} secondaries of mode {@code sample}:
     * score = the percentile of the merged samples, error NaN, confidence {@code [NaN, NaN]}, every
     * scorePercentile the score, rawData = the same percentile of each iteration alone.
     */
    public static JmhMetric ofPercentile(double score, double[][] perIteration, String unit) {
        Map<String, Double> all = new LinkedHashMap<>();
        for (double rank : JmhStatistics.PERCENTILE_RANKS) {
            all.put(Double.toString(rank), score);
        }
        return new JmhMetric(score, Double.NaN, Double.NaN, Double.NaN, all, unit, perIteration, null);
    }

    /**
     * JMH's eight sample-mode secondaries ({@link #SAMPLE_PERCENTILES p0.00 … p1.00}) of a histogram, in JMH's
     * order, ready to be put into {@code secondaryMetrics}.
     */
    public static Map<String, JmhMetric> samplePercentiles(List<List<List<HistogramEntry>>> rawDataHistogram,
            String unit) {
        JmhStatistics merged = JmhStatistics.ofHistograms(rawDataHistogram);
        List<List<JmhStatistics>> perIteration = new ArrayList<>();
        for (List<List<HistogramEntry>> fork : rawDataHistogram) {
            List<JmhStatistics> iterations = new ArrayList<>();
            for (List<HistogramEntry> iteration : fork) {
                iterations.add(JmhStatistics.ofHistogram(iteration));
            }
            perIteration.add(iterations);
        }
        Map<String, JmhMetric> out = new LinkedHashMap<>();
        SAMPLE_PERCENTILES.forEach((name, rank) -> {
            double[][] raw = new double[perIteration.size()][];
            for (int f = 0; f < raw.length; f++) {
                raw[f] = perIteration.get(f).stream().mapToDouble(s -> s.percentile(rank)).toArray();
            }
            out.put(name, ofPercentile(merged.percentile(rank), raw, unit));
        });
        return Collections.unmodifiableMap(out);
    }

    private static JmhMetric exact(double score, JmhStatistics stats, double[][] rawData, String unit) {
        return new JmhMetric(score, Double.NaN, score, score, stats.scorePercentiles(), unit, rawData, null);
    }

    /**
     * This metric with other percentiles — e.g. a latency secondary whose score is the mean of iteration means
     * but whose percentiles come from the merged histogram ({@link JmhStatistics#scorePercentiles()}).
     */
    public JmhMetric withScorePercentiles(Map<String, Double> percentiles) {
        return new JmhMetric(score, scoreError, scoreConfidenceLow, scoreConfidenceHigh, percentiles, scoreUnit,
                rawData, rawDataHistogram);
    }

    /** {@code scoreConfidence} as JMH returns it, {@code [low, high]}. */
    public double[] scoreConfidence() {
        return new double[] {scoreConfidenceLow, scoreConfidenceHigh};
    }

    /** True when the raw data is a histogram (the primary metric of mode {@code sample}). */
    public boolean hasHistogram() {
        return rawDataHistogram != null;
    }

    /** A copy of {@code rawData[fork][iteration]}; null when the metric has a histogram instead. */
    @Override
    public double[][] rawData() {
        return rawData == null ? null : deepCopy(rawData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JmhMetric m
                && Double.compare(score, m.score) == 0
                && Double.compare(scoreError, m.scoreError) == 0
                && Double.compare(scoreConfidenceLow, m.scoreConfidenceLow) == 0
                && Double.compare(scoreConfidenceHigh, m.scoreConfidenceHigh) == 0
                && scorePercentiles.equals(m.scorePercentiles)
                && List.copyOf(scorePercentiles.keySet()).equals(List.copyOf(m.scorePercentiles.keySet()))
                && scoreUnit.equals(m.scoreUnit)
                && Arrays.deepEquals(rawData, m.rawData)
                && Objects.equals(rawDataHistogram, m.rawDataHistogram);
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, scoreError, scoreConfidenceLow, scoreConfidenceHigh, scorePercentiles, scoreUnit,
                Arrays.deepHashCode(rawData), rawDataHistogram);
    }

    @Override
    public String toString() {
        return "JmhMetric[score=" + score + ", scoreError=" + scoreError + ", scoreConfidence=[" + scoreConfidenceLow
                + ", " + scoreConfidenceHigh + "], scorePercentiles=" + scorePercentiles + ", scoreUnit=" + scoreUnit
                + (rawData != null ? ", rawData=" + Arrays.deepToString(rawData)
                        : ", rawDataHistogram=" + rawDataHistogram) + "]";
    }

    private static Map<String, Double> copyPercentiles(Map<String, Double> percentiles) {
        Map<String, Double> copy = new LinkedHashMap<>();
        percentiles.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "percentile key"),
                Objects.requireNonNull(v, "percentile value")));
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Double> orderedMap(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static double[][] deepCopy(double[][] data) {
        double[][] copy = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            copy[i] = data[i].clone();
        }
        return copy;
    }

    private static List<List<List<HistogramEntry>>> copyHistogram(List<List<List<HistogramEntry>>> histogram) {
        return histogram.stream().map(fork -> fork.stream().map(List::copyOf).toList()).toList();
    }
}
