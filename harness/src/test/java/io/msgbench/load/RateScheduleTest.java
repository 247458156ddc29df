package io.msgbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void integralRateIsExact() {
        RateSchedule s = new RateSchedule(T0, 3);
        assertThat(s.intendedTime(0)).isEqualTo(T0);
        assertThat(s.intendedTime(1)).isEqualTo(T0 + 333_333_333L);
        assertThat(s.intendedTime(2)).isEqualTo(T0 + 666_666_666L);
        assertThat(s.intendedTime(3)).isEqualTo(T0 + 1_000_000_000L);
        // computed from i, never accumulated: no drift after a billion messages
        assertThat(s.intendedTime(3_000_000_000L)).isEqualTo(T0 + 1_000_000_000L * 1_000_000_000L);
    }

    @Test
    void fractionalRate() {
        RateSchedule s = new RateSchedule(T0, 0.5);
        assertThat(s.intendedTime(1)).isEqualTo(T0 + 2_000_000_000L);
        RateSchedule s2 = new RateSchedule(T0, 1.5);
        assertThat(s2.intendedTime(3)).isEqualTo(T0 + 2_000_000_000L);
        assertThat(s2.intendedTime(1)).isEqualTo(T0 + 666_666_666L);
    }

    @Test
    void beyondExactLimitFallsBackWithoutOverflow() {
        RateSchedule s = new RateSchedule(0, 1_000_000);
        long i = 10_000_000_000L; // i * 1e9 overflows a long
        assertThat(s.intendedTime(i)).isEqualTo(10_000_000_000_000L);
    }

    @Test
    void dueByAgreesWithIntendedTime() {
        for (double rate : new double[] {1, 3, 7.5, 1000, 12345.678}) {
            RateSchedule s = new RateSchedule(T0, rate);
            assertThat(s.dueBy(T0 - 1)).isZero();
            assertThat(s.dueBy(T0)).isEqualTo(1);
            for (long i = 1; i < 2000; i += 37) {
                long t = s.intendedTime(i);
                assertThat(s.dueBy(t)).as("rate %s i %d", rate, i).isEqualTo(i + 1);
                assertThat(s.dueBy(t - 1)).as("rate %s i %d", rate, i).isEqualTo(i);
            }
        }
    }

    @Test
    void staggeredProducersShareTheRateAndDoNotFireTogether() {
        RateSchedule a = RateSchedule.staggered(T0, 1000, 0, 4);
        RateSchedule b = RateSchedule.staggered(T0, 1000, 1, 4);
        RateSchedule d = RateSchedule.staggered(T0, 1000, 3, 4);
        assertThat(a.ratePerSecond()).isEqualTo(250);
        assertThat(a.startEpochNanos()).isEqualTo(T0);
        assertThat(b.startEpochNanos()).isEqualTo(T0 + 1_000_000);
        assertThat(d.startEpochNanos()).isEqualTo(T0 + 3_000_000);
        assertThat(a.intendedTime(1)).isEqualTo(T0 + 4_000_000);
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThatThrownBy(() -> new RateSchedule(T0, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new RateSchedule(T0, -5)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new RateSchedule(T0, Double.NaN)).hasMessageContaining("positive");
    }
}
