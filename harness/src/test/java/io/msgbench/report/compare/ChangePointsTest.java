package io.msgbench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Planted change points are found where they are, and a series without one has none. */
class ChangePointsTest {
    /** {@code n} values around each of {@code levels} in turn, with noise of {@code sd}, seeded. */
    private static double[] series(long seed, double sd, int n, double... levels) {
        Random random = new Random(seed);
        double[] x = new double[n * levels.length];
        for (int l = 0; l < levels.length; l++) {
            for (int i = 0; i < n; i++) {
                x[l * n + i] = levels[l] + sd * random.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void aStepIsFoundWhereItWasPlanted() {
        for (long seed = 1; seed <= 20; seed++) {
            List<ChangePoints.Change> changes = ChangePoints.of(series(seed, 0.5, 15, 10, 15),
                    ChangePoints.DEFAULT_P_VALUE);
            assertThat(changes).as("seed " + seed).singleElement().satisfies(c -> {
                assertThat(c.at()).isEqualTo(15);
                assertThat(c.relative()).isBetween(0.4, 0.6);
                assertThat(c.pValue()).isLessThan(ChangePoints.DEFAULT_P_VALUE);
            });
        }
    }

    @Test
    void twoStepsAreBothFound() {
        List<ChangePoints.Change> changes = ChangePoints.of(series(7, 1, 12, 20, 30, 24), ChangePoints.DEFAULT_P_VALUE);
        assertThat(changes).extracting(ChangePoints.Change::at).containsExactly(12, 24);
        assertThat(changes.get(0).after()).isGreaterThan(changes.get(0).before());
        assertThat(changes.get(1).after()).isLessThan(changes.get(1).before());
    }

    @Test
    void noiseAloneHasNoChangePoint() {
        int found = 0;
        for (long seed = 1; seed <= 50; seed++) {
            found += ChangePoints.of(series(seed, 1, 40, 10), ChangePoints.DEFAULT_P_VALUE).size();
        }
        // at p < 0.001 per accepted split, 50 stationary series of 40 runs: none, or a rare one
        assertThat(found).isLessThanOrEqualTo(1);
    }

    @Test
    void aShortSeriesOrAConstantOneHasNone() {
        assertThat(ChangePoints.of(new double[] {1, 2, 3, 4, 5}, 0.001)).isEmpty();
        assertThat(ChangePoints.of(new double[] {5, 5, 5, 5, 5, 5, 5, 5}, 0.001)).isEmpty();
        assertThat(ChangePoints.of(new double[] {5, 5, 5, 5, 9, 9, 9, 9}, 0.001)).extracting(ChangePoints.Change::at)
                .containsExactly(4);
    }
}
