package io.msgbench.report.jmh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * JMH 1.37's statistics, reproduced operation for operation so that the numbers msgbench writes into JMH's
 * fields are the numbers JMH itself would have written for the same raw data — bit for bit, not merely close.
 *
 * <p>Two kinds, as in JMH: {@link #of(double...) a list of values} (JMH's {@code ListStatistics}: one value per
 * iteration) and {@link #ofHistogram a weighted multiset} (JMH's {@code MultisetStatistics}: sample mode, where
 * {@code n} is the number of samples, not of iterations). The arithmetic order matters for exactness and is
 * JMH's: sums run in insertion order (lists) or ascending value order (multisets), the mean is sum / n, the
 * variance Σ(x − mean)² / (n − 1), the error t<sub>0.9995, n−1</sub> · s / √n.
 *
 * <p>Assumption worth knowing: JMH reports no error at all for {@code n ≤ 2} ({@link #meanErrorAt} and
 * {@link #confidenceIntervalAt} give NaN), although a t interval exists for {@code n = 2}.
 *
 * <p>Instances are immutable and safe to share.
 */
public abstract sealed class JmhStatistics permits JmhStatistics.OfList, JmhStatistics.OfMultiset {

    /** JMH's confidence level for {@code scoreError} and {@code scoreConfidence}. */
    public static final double CONFIDENCE = 0.999;

    /** The ranks of {@code scorePercentiles}, in JMH's order. */
    public static final List<Double> PERCENTILE_RANKS =
            List.of(0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0);

    JmhStatistics() {
    }

    /** Statistics over plain values (JMH's {@code ListStatistics}); the order is the summation order. */
    public static JmhStatistics of(double... values) {
        return new OfList(values.clone());
    }

    /** Statistics over {@code rawData[fork][iteration]}, forks in order — how JMH aggregates a run. */
    public static JmhStatistics of(double[][] rawData) {
        return new OfList(flatten(rawData));
    }

    /**
     * Statistics over a weighted multiset (JMH's {@code MultisetStatistics}): every entry adds {@code count}
     * samples of {@code value}; equal values merge, so several iterations' histograms can simply be concatenated.
     */
    public static JmhStatistics ofHistogram(Iterable<JmhMetric.HistogramEntry> entries) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (JmhMetric.HistogramEntry e : entries) {
            counts.merge(e.value(), e.count(), Long::sum);
        }
        return new OfMultiset(counts);
    }

    /** The merged multiset of {@code rawDataHistogram[fork][iteration][entry]}: a sample-mode run as JMH sees it. */
    public static JmhStatistics ofHistograms(List<List<List<JmhMetric.HistogramEntry>>> rawDataHistogram) {
        List<JmhMetric.HistogramEntry> all = new ArrayList<>();
        for (List<List<JmhMetric.HistogramEntry>> fork : rawDataHistogram) {
            for (List<JmhMetric.HistogramEntry> iteration : fork) {
                all.addAll(iteration);
            }
        }
        return ofHistogram(all);
    }

    /** Number of values (samples, for a multiset). */
    public abstract long n();

    /** The sum, NaN when empty. */
    public abstract double sum();

    public abstract double min();

    public abstract double max();

    /** The sample variance (divisor n − 1); NaN when fewer than two values. */
    public abstract double variance();

    /**
     * JMH's percentile at {@code rank} in [0, 100]: rank 0 is the minimum; otherwise the legacy Commons Math
     * estimator (position {@code rank·(n+1)/100}, linear interpolation between neighbours, clamped to min/max).
     */
    public abstract double percentile(double rank);

    /** Arithmetic mean, NaN when empty. */
    public final double mean() {
        return n() > 0 ? sum() / n() : Double.NaN;
    }

    public final double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** Half-width of the two-sided Student-t interval for the mean at {@code confidence}; NaN for n ≤ 2. */
    public final double meanErrorAt(double confidence) {
        if (n() <= 2) {
            return Double.NaN;
        }
        return tQuantile(n(), confidence) * standardDeviation() / Math.sqrt(n());
    }

    /** {@code [mean − error, mean + error]}, not clamped; both NaN for n ≤ 2. */
    public final double[] confidenceIntervalAt(double confidence) {
        if (n() <= 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double a = tQuantile(n(), confidence);
        return new double[] {
            mean() - a * standardDeviation() / Math.sqrt(n()),
            mean() + a * standardDeviation() / Math.sqrt(n()),
        };
    }

    /** JMH's {@code scoreError}: {@link #meanErrorAt} at {@link #CONFIDENCE}. */
    public final double scoreError() {
        return meanErrorAt(CONFIDENCE);
    }

    /** JMH's {@code scoreConfidence} for averaged metrics: {@link #confidenceIntervalAt} at {@link #CONFIDENCE}. */
    public final double[] scoreConfidence() {
        return confidenceIntervalAt(CONFIDENCE);
    }

    /** The ten {@code scorePercentiles}, keyed as JMH keys them ({@code "0.0"} … {@code "100.0"}). */
    public final Map<String, Double> scorePercentiles() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (double rank : PERCENTILE_RANKS) {
            out.put(Double.toString(rank), percentile(rank));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The two-sided Student-t quantile, written as JMH writes it: {@code 1 - (1 - confidence) / 2} is not
     * exactly 0.9995, and Commons Math's inverse is an iterative solve, so any other spelling may move the last bits.
     */
    private static double tQuantile(long n, double confidence) {
        return new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    static void checkRank(double rank) {
        if (!(rank >= 0.0 && rank <= 100.0)) {
            throw new IllegalArgumentException("percentile rank must be within [0, 100]: " + rank);
        }
    }

    private static double[] flatten(double[][] rawData) {
        int size = 0;
        for (double[] fork : rawData) {
            size += fork.length;
        }
        double[] all = new double[size];
        int at = 0;
        for (double[] fork : rawData) {
            System.arraycopy(fork, 0, all, at, fork.length);
            at += fork.length;
        }
        return all;
    }

    /** Plain values, kept in insertion order because JMH sums them in that order. */
    static final class OfList extends JmhStatistics {
        private final double[] values;

        OfList(double[] values) {
            this.values = values;
        }

        @Override
        public long n() {
            return values.length;
        }

        @Override
        public double sum() {
            if (values.length == 0) {
                return Double.NaN;
            }
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return s;
        }

        @Override
        public double min() {
            double m = values.length == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
            for (double v : values) {
                m = Math.min(m, v);
            }
            return m;
        }

        @Override
        public double max() {
            double m = values.length == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
            for (double v : values) {
                m = Math.max(m, v);
            }
            return m;
        }

        @Override
        public double variance() {
            if (values.length < 2) {
                return Double.NaN;
            }
            double m = mean();
            double v = 0;
            for (double x : values) {
                v += Math.pow(x - m, 2);
            }
            return v / (values.length - 1);
        }

        @Override
        public double percentile(double rank) {
            checkRank(rank);
            if (values.length == 0) {
                return Double.NaN;
            }
            if (rank == 0) {
                return min();
            }
            // JMH delegates to this very class (default: LEGACY estimation, NaNs removed); so do we.
            return new Percentile().evaluate(values, rank);
        }
    }

    /** Distinct values in ascending order with their counts, as JMH's TreeMultiset iterates them. */
    static final class OfMultiset extends JmhStatistics {
        private final double[] values;
        private final long[] counts;
        private final long n;

        OfMultiset(TreeMap<Double, Long> sorted) {
            values = new double[sorted.size()];
            counts = new long[sorted.size()];
            long total = 0;
            int i = 0;
            for (Map.Entry<Double, Long> e : sorted.entrySet()) {
                values[i] = e.getKey();
                counts[i] = e.getValue();
                total += counts[i];
                i++;
            }
            n = total;
        }

        @Override
        public long n() {
            return n;
        }

        @Override
        public double sum() {
            if (n == 0) {
                return Double.NaN;
            }
            double s = 0;
            for (int i = 0; i < values.length; i++) {
                s += values[i] * counts[i];
            }
            return s;
        }

        @Override
        public double min() {
            return n == 0 ? Double.NaN : values[0];
        }

        @Override
        public double max() {
            return n == 0 ? Double.NaN : values[values.length - 1];
        }

        @Override
        public double variance() {
            if (n < 2) {
                return Double.NaN;
            }
            double m = mean();
            double v = 0;
            for (int i = 0; i < values.length; i++) {
                v += Math.pow(values[i] - m, 2) * counts[i];
            }
            return v / (n - 1);
        }

        @Override
        public double percentile(double rank) {
            checkRank(rank);
            if (n == 0) {
                return Double.NaN;
            }
            if (rank == 0) {
                return min();
            }
            // JMH's MultisetStatistics: note rank * (n + 1) / 100, not Commons Math's rank / 100 * (n + 1).
            double pos = rank * (n + 1) / 100;
            double floorPos = Math.floor(pos);
            double lower = atRank((long) floorPos);
            double upper = atRank((long) floorPos + 1);
            return lower + (upper - lower) * (pos - floorPos);
        }

        /** The value of the 1-based {@code rank}-th sample in ascending order; min below 1, max beyond n. */
        private double atRank(long rank) {
            long seen = 0;
            for (int i = 0; i < values.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return values[i];
                }
            }
            return max();
        }
    }

    @Override
    public String toString() {
        return "JmhStatistics[n=" + n() + ", mean=" + mean() + ", sd=" + standardDeviation()
                + ", min=" + min() + ", max=" + max() + "]";
    }
}
