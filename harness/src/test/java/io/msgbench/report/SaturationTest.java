package io.msgbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.worker.Worker.DrainResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SaturationTest {
    private static final long TEN_SECONDS = 10_000_000_000L;

    @Test
    void aRateHeldOrCaughtUpIsReachable() {
        // 1,000 msg/s for 10 s: 9,000 sent is exactly the share, an iteration paying an earlier debt sends more
        assertThat(Saturation.of(1_000, List.of(fork(0, iteration(9_000, 0), iteration(11_000, 0))))).isNull();
    }

    @Test
    void oneIterationAtTheRateMakesItReachable() {
        assertThat(Saturation.of(1_000, List.of(fork(0, iteration(5_000, 0), iteration(10_000, 0))))).isNull();
        assertThat(Saturation.of(1_000, List.of(fork(0, iteration(5_000, 0)), fork(0, iteration(10_000, 0)))))
                .isNull();
    }

    @Test
    void everyIterationShortOfItsScheduleIsSaturation() {
        // 10,000,000 msg/s asked; 600,000 and 400,000 acknowledged (plus 1,000 failed) in two 10-s iterations
        Saturation s = Saturation.of(10_000_000, List.of(fork(7_000, iteration(600_000, 0), iteration(400_000, 1_000)),
                fork(3_000, iteration(500_000, 0))));
        assertThat(s).isNotNull();
        assertThat(s.achievedRate()).isCloseTo(1_500_000 / 30.0, within(1e-6));
        assertThat(s.achievedShare()).isCloseTo(0.005, within(1e-9));
        assertThat(s.unsent()).isEqualTo(10_000);
        assertThat(s.describe()).startsWith("schedule unreachable: the producers sent 50000 msg/s, 0.5 % of the "
                + "10000000 msg/s asked").contains("10000 messages due were never sent");
    }

    @Test
    void aStallWithoutWhichTheScheduleWasHeldIsNamedAsSuchNotAsCapacity() {
        // 1,000 msg/s for 10 s: 5,000 sent, 5 s of it stalled (nothing acknowledged): the other 5 s held the rate
        Saturation stalled = Saturation.of(1_000, List.of(fork(0, stalled(iteration(5_000, 0), 5_000_000_000L))));
        assertThat(stalled.lostToStall()).isTrue();
        assertThat(stalled.describe()).startsWith("schedule not held: the producers sent 500 msg/s, 50.0 % of the 1000 "
                + "msg/s asked, after 5.0 s in which sends were outstanding and none was acknowledged: a stall");
        // saturated, with a 1.5-s stall besides: 4,000 in the other 8.5 s is still short of the rate: capacity
        Saturation saturated = Saturation.of(1_000, List.of(fork(0, stalled(iteration(4_000, 0), 1_500_000_000L))));
        assertThat(saturated.lostToStall()).isFalse();
        assertThat(saturated.describe()).startsWith("schedule unreachable");
        // a pause under a second is no stall
        assertThat(Saturation.of(1_000, List.of(fork(0, stalled(iteration(8_000, 0), 900_000_000L)))).lostToStall())
                .isFalse();
    }

    private static IterationResult stalled(IterationResult i, long stallNanos) {
        return new IterationResult(i.index(), i.warmup(), i.startEpochNanos(), i.durationNanos(), i.messagesSent(),
                i.publishErrors(), i.messagesReceived(), i.receivedInWindow(), i.negativeLatencies(), i.messagesLost(),
                i.messagesDuplicated(), i.messagesOutOfOrder(), i.scheduleDebt(), i.backlogAtStart(), i.backlogAtEnd(),
                i.messageSize(), i.latencies(), i.periods(), i.cpu(), i.broker(), stallNanos);
    }

    @Test
    void aSearchedRateIsNeverSaturation() {
        assertThat(Saturation.of(0, List.of(fork(0, iteration(1, 0))))).isNull();
    }

    @Test
    void failedSendsCountAsSent() {
        assertThat(Saturation.fellShort(iteration(8_999, 0), 1_000)).isTrue();
        assertThat(Saturation.fellShort(iteration(8_000, 1_000), 1_000)).isFalse();
    }

    private static ForkResult fork(long unsent, IterationResult... measured) {
        return new ForkResult(null, List.of(), List.of(measured),
                new DrainResult(true, 0, 0, 0, 0, 0, 0, 0, 0, unsent), 0, null, null, List.of());
    }

    /** A 10-s measurement iteration that acknowledged {@code sent} and failed {@code errors} sends. */
    static IterationResult iteration(long sent, long errors) {
        Map<LatencyMetric, Histogram> latencies = new EnumMap<>(LatencyMetric.class);
        for (LatencyMetric m : LatencyMetric.values()) {
            latencies.put(m, new Histogram(3));
        }
        return new IterationResult(1, false, 0, TEN_SECONDS, sent, errors, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, latencies,
                List.of(), ProcessCpu.NONE);
    }
}
