package io.msgbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhaseRecorderTest {
    @Test
    void negativeDifferencesAreCountedNotRecorded() {
        PhaseRecorder r = new PhaseRecorder(1);
        r.recordLatency(LatencyMetric.END_TO_END_LATENCY, 100, 50);
        r.recordLatency(LatencyMetric.END_TO_END_LATENCY, 100, 1100);
        PhaseSnapshot s = r.snapshot();
        assertThat(s.negativeLatencies()).isEqualTo(1);
        assertThat(s.histogram(LatencyMetric.END_TO_END_LATENCY).getTotalCount()).isEqualTo(1);
        assertThat(s.histogram(LatencyMetric.END_TO_END_LATENCY).getMaxValue()).isBetween(1000L, 1001L);
    }

    @Test
    void snapshotsAccumulateAndAreIndependentCopies() {
        PhaseRecorder r = new PhaseRecorder(2);
        r.recordLatency(LatencyMetric.PUBLISH_LATENCY, 0, 5_000_000);
        r.messageSent();
        PhaseSnapshot first = r.snapshot();
        r.recordLatency(LatencyMetric.PUBLISH_LATENCY, 0, 7_000_000);
        r.messageSent();
        r.publishError();
        PhaseSnapshot second = r.snapshot();
        assertThat(first.histogram(LatencyMetric.PUBLISH_LATENCY).getTotalCount()).isEqualTo(1);
        assertThat(second.histogram(LatencyMetric.PUBLISH_LATENCY).getTotalCount()).isEqualTo(2);
        assertThat(second.messagesSent()).isEqualTo(2);
        assertThat(second.publishErrors()).isEqualTo(1);
        assertThat(second.phase()).isEqualTo(2);
    }

    @Test
    void veryLargeValuesDoNotCrash() {
        PhaseRecorder r = new PhaseRecorder(1);
        r.recordLatency(LatencyMetric.END_TO_END_LATENCY_CORRECTED, 0, 3_600_000_000_000L); // one hour
        assertThat(r.snapshot().histogram(LatencyMetric.END_TO_END_LATENCY_CORRECTED).getMaxValue())
                .isGreaterThan(3_590_000_000_000L);
    }

    @Test
    void systemClockIsMonotonicAndNearTheWallClock() {
        SystemEpochNanoClock clock = new SystemEpochNanoClock(16);
        long a = clock.epochNanos();
        long b = clock.epochNanos();
        assertThat(b).isGreaterThanOrEqualTo(a);
        long wall = System.currentTimeMillis() * 1_000_000L;
        assertThat(Math.abs(a - wall)).isLessThan(1_000_000_000L);
        assertThat(clock.anchorErrorNanos()).isPositive().isLessThan(1_000_000L);
    }
}
