package io.msgbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClockOffsetTest {
    @Test
    void aDifferenceBeyondBothUncertaintiesIsTheCorrection() {
        ClockOffset consumer = new ClockOffset(0, -200_000, 500_000);
        ClockOffset producer = new ClockOffset(0, 150_000_000, 600_000);
        assertThat(consumer.correctionFrom(producer)).isEqualTo(-150_200_000L);
        assertThat(producer.correctionFrom(consumer)).isEqualTo(150_200_000L);
    }

    @Test
    void clocksThatCannotBeToldApartAreNotCorrected() {
        // one host, two estimates 0.8 ms apart, each ± 0.6 ms: the difference is the estimates' error
        ClockOffset a = new ClockOffset(0, -880_000, 680_000);
        ClockOffset b = new ClockOffset(0, -80_000, 600_000);
        assertThat(a.correctionFrom(b)).isZero();
        assertThat(b.correctionFrom(a)).isZero();
        assertThat(a.correctionFrom(new ClockOffset(0, 1_400_000, 600_000))).isEqualTo(-2_280_000L);
    }

    @Test
    void aWideNewerEstimateDoesNotReplaceATightRecentOne() {
        ClockOffset tight = new ClockOffset(0, 150_000_000, 400_000);
        ClockOffset wide = new ClockOffset(3_000_000_000L, 147_800_000, 2_500_000); // 3 s later, a busy host
        assertThat(tight.uncertaintyAt(3_000_000_000L)).isEqualTo(700_000L); // + 100 ppm of 3 s
        assertThat(tight.better(wide)).isSameAs(tight);
        ClockOffset tighter = new ClockOffset(3_000_000_000L, 150_100_000, 500_000);
        assertThat(tight.better(tighter)).isSameAs(tighter);
        // an hour later the old one has aged beyond the new wide one
        ClockOffset late = new ClockOffset(3_600_000_000_000L, 150_300_000, 2_500_000);
        assertThat(tight.better(late)).isSameAs(late);
    }
}
