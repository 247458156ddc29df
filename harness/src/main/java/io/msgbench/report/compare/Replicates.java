package io.msgbench.report.compare;

/**
 * One side's data for one metric as the units of run-to-run noise: forks, each with its iterations (per-message
 * samples are autocorrelated, so a message is never a unit). The figure is a function of a selection of
 * (fork, iteration) units, in which a unit may repeat, so that the selection can be a bootstrap resample.
 */
interface Replicates {
    int forks();

    int iterations(int fork);

    /** The figure over the {@code n} units {@code (forks[k], iterations[k])}. */
    double statistic(int[] forks, int[] iterations, int n);

    /** Whether {@code other} holds exactly the same data (a file compared with itself or a copy of it). */
    boolean sameData(Replicates other);

    /** The figure over all units, each once. */
    default double estimate() {
        int n = 0;
        for (int f = 0; f < forks(); f++) {
            n += iterations(f);
        }
        int[] fs = new int[n];
        int[] is = new int[n];
        int k = 0;
        for (int f = 0; f < forks(); f++) {
            for (int i = 0; i < iterations(f); i++) {
                fs[k] = f;
                is[k++] = i;
            }
        }
        return statistic(fs, is, n);
    }

    /** A scalar per iteration (a rate, an iteration's own percentile); the figure is their mean. */
    record Means(double[][] values) implements Replicates {
        @Override
        public boolean sameData(Replicates other) {
            return other instanceof Means m && java.util.Arrays.deepEquals(values, m.values);
        }

        @Override
        public int forks() {
            return values.length;
        }

        @Override
        public int iterations(int fork) {
            return values[fork].length;
        }

        @Override
        public double statistic(int[] forks, int[] iterations, int n) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += values[forks[k]][iterations[k]];
            }
            return sum / n;
        }
    }

    /**
     * A latency histogram per iteration on one value axis; the figure is a percentile of the merged selection
     * (HdrHistogram's rule: the smallest value with at least ⌈p × count⌉ values at or below it), or its mean
     * when {@code percentile} is negative.
     *
     * @param axis   the distinct values, ascending
     * @param counts [fork][iteration][index into axis]
     */
    record MergedPercentile(double[] axis, long[][][] counts, double percentile) implements Replicates {
        @Override
        public boolean sameData(Replicates other) {
            return other instanceof MergedPercentile m && percentile == m.percentile
                    && java.util.Arrays.equals(axis, m.axis) && java.util.Arrays.deepEquals(counts, m.counts);
        }

        @Override
        public int forks() {
            return counts.length;
        }

        @Override
        public int iterations(int fork) {
            return counts[fork].length;
        }

        @Override
        public double statistic(int[] forks, int[] iterations, int n) {
            long[] merged = new long[axis.length];
            long total = 0;
            for (int k = 0; k < n; k++) {
                long[] c = counts[forks[k]][iterations[k]];
                for (int v = 0; v < c.length; v++) {
                    merged[v] += c[v];
                    total += c[v];
                }
            }
            if (total == 0) {
                return Double.NaN;
            }
            if (percentile < 0) {
                double sum = 0;
                for (int v = 0; v < axis.length; v++) {
                    sum += axis[v] * merged[v];
                }
                return sum / total;
            }
            long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
            long seen = 0;
            for (int v = 0; v < axis.length; v++) {
                seen += merged[v];
                if (seen >= rank) {
                    return axis[v];
                }
            }
            return axis[axis.length - 1];
        }
    }
}
