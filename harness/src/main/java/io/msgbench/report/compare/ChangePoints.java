package io.msgbench.report.compare;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Change points of a series of results (one figure per run, in time order), as Apache Otava (formerly Hunter) finds
 * them: E-Divisive means (Matteson and James) proposes, within each stretch between the change points found so far,
 * the split that most separates the two sides' values; Student's t-test of the two sides with one pooled variance
 * (Otava's replacement for the original's permutation test) accepts it when its p-value, multiplied by the number of splits the stretch offered
 * (Bonferroni: the split tested is the most extreme of them, so its own p-value would flatter it), is below the bound.
 * Repeated until no stretch has a split that passes. Runs are the units: each value is one run's figure.
 */
public final class ChangePoints {
    /** Otava's default significance. */
    public static final double DEFAULT_P_VALUE = 0.001;
    /** Fewest values on each side of a split: a t-test needs two, and a lone outlier is not a change. */
    public static final int MIN_SIDE = 3;

    /**
     * A change: from index {@code at} on, the series moved.
     *
     * @param at     first index after the change
     * @param before mean of the stretch before it (back to the previous change point)
     * @param after  mean of the stretch after it (up to the next)
     * @param pValue Student's t-test of the two stretches
     */
    public record Change(int at, double before, double after, double pValue) {
        /** after/before − 1. */
        public double relative() {
            return after / before - 1;
        }
    }

    private ChangePoints() {
    }

    /** The change points of {@code series} at significance {@code maxPValue}, in order. */
    public static List<Change> of(double[] series, double maxPValue) {
        List<Integer> points = new ArrayList<>();
        TTest tTest = new TTest();
        while (true) {
            List<Integer> bounds = new ArrayList<>();
            bounds.add(0);
            bounds.addAll(points);
            bounds.add(series.length);
            int best = -1;
            double bestP = maxPValue;
            for (int b = 0; b + 1 < bounds.size(); b++) {
                int from = bounds.get(b);
                int to = bounds.get(b + 1);
                int split = bestSplit(series, from, to);
                if (split < 0) {
                    continue;
                }
                double p = adjusted(pValue(tTest, series, from, split, to), from, to);
                if (p < bestP) {
                    bestP = p;
                    best = split;
                }
            }
            if (best < 0) {
                break;
            }
            points.add(best);
            points.sort(Integer::compare);
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int from = i == 0 ? 0 : points.get(i - 1);
            int at = points.get(i);
            int to = i + 1 < points.size() ? points.get(i + 1) : series.length;
            changes.add(new Change(at, mean(series, from, at), mean(series, at, to),
                    adjusted(pValue(tTest, series, from, at, to), from, to)));
        }
        return changes;
    }

    /** {@code p} for the most extreme of the splits {@code [from, to)} offers. */
    private static double adjusted(double p, int from, int to) {
        return Math.min(1, p * Math.max(1, to - from - 2 * MIN_SIDE + 1));
    }

    /**
     * The split of {@code [from, to)} maximising the E-Divisive statistic (alpha = 1): the scaled energy distance
     * between the two sides, {@code m·n/(m+n) · (2·E|X−Y| − E|X−X'| − E|Y−Y'|)}; −1 when the stretch is too short.
     */
    static int bestSplit(double[] x, int from, int to) {
        int best = -1;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int split = from + MIN_SIDE; split <= to - MIN_SIDE; split++) {
            double q = energy(x, from, split, to);
            if (q > bestQ) {
                bestQ = q;
                best = split;
            }
        }
        return best;
    }

    private static double energy(double[] x, int from, int split, int to) {
        int m = split - from;
        int n = to - split;
        double between = 0;
        for (int i = from; i < split; i++) {
            for (int j = split; j < to; j++) {
                between += Math.abs(x[i] - x[j]);
            }
        }
        double left = within(x, from, split);
        double right = within(x, split, to);
        double e = 2 * between / (m * (double) n) - left - right;
        return m * (double) n / (m + n) * e;
    }

    /** Mean absolute difference over the pairs of {@code [from, to)}. */
    private static double within(double[] x, int from, int to) {
        int k = to - from;
        if (k < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                sum += Math.abs(x[i] - x[j]);
            }
        }
        return sum / (k * (k - 1) / 2.0);
    }

    /**
     * Student's two-sided t-test (one pooled variance: a short side's own variance is too unsure) of {@code [from,
     * split)} against {@code [split, to)}; 0 when both are constant and differ.
     */
    private static double pValue(TTest tTest, double[] x, int from, int split, int to) {
        double[] a = java.util.Arrays.copyOfRange(x, from, split);
        double[] b = java.util.Arrays.copyOfRange(x, split, to);
        if (a.length < 2 || b.length < 2) {
            return 1;
        }
        double va = variance(a);
        double vb = variance(b);
        if (va == 0 && vb == 0) {
            double ma = mean(x, from, split);
            double mb = mean(x, split, to);
            // equal up to the rounding of summing them in another order
            return Math.abs(ma - mb) <= 1e-9 * Math.max(Math.abs(ma), Math.abs(mb)) ? 1 : 0;
        }
        return tTest.homoscedasticTTest(a, b);
    }

    private static double variance(double[] a) {
        return new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(a);
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }
}
