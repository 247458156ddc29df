package io.msgbench.report.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The hierarchical bootstrap (resample forks, then iterations within each fork drawn): how far a figure could
 * have moved by run-to-run noise alone, with the fork as the unit when there are several (DESIGN §5).
 */
final class Bootstrap {
    static final int RESAMPLES = 2_000;

    private Bootstrap() {
    }

    /** {@code RESAMPLES} figures of {@code r}, each over one resample; seeded, so a comparison is repeatable. */
    static double[] resample(Replicates r, SplittableRandom random) {
        double[] out = new double[RESAMPLES];
        int maxIterations = 0;
        for (int f = 0; f < r.forks(); f++) {
            maxIterations = Math.max(maxIterations, r.iterations(f));
        }
        int[] forks = new int[r.forks() * maxIterations];
        int[] iterations = new int[forks.length];
        for (int b = 0; b < RESAMPLES; b++) {
            int n = 0;
            for (int k = 0; k < r.forks(); k++) {
                int f = r.forks() == 1 ? 0 : random.nextInt(r.forks());
                int its = r.iterations(f);
                for (int j = 0; j < its; j++) {
                    forks[n] = f;
                    iterations[n++] = random.nextInt(its);
                }
            }
            out[b] = r.statistic(forks, iterations, n);
        }
        return out;
    }

    /** The {@code q} quantile (0..1) of {@code sorted} values, by the nearest-rank rule. */
    static double quantile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Ratios new/base of paired resamples, sorted; NaN ratios (empty resamples) dropped. */
    static double[] sortedRatios(double[] base, double[] changed) {
        double[] ratios = new double[base.length];
        int n = 0;
        for (int b = 0; b < base.length; b++) {
            double ratio = changed[b] / base[b];
            if (!Double.isNaN(ratio) && !Double.isInfinite(ratio)) {
                ratios[n++] = ratio;
            }
        }
        double[] sorted = Arrays.copyOf(ratios, n);
        Arrays.sort(sorted);
        return sorted;
    }
}
