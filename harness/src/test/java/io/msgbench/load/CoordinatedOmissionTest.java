package io.msgbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.ManualClock;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseSnapshot;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Exact answers on the manual clock: a sink that stalls for one second must give the corrected
 * histograms the known shape, while the uncorrected ones see a single slow message.
 */
class CoordinatedOmissionTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    /** Acknowledges at once, except that the send of one message blocks for {@code stallNanos}. */
    private static final class StallingProducer implements ProducerHandle {
        private final ManualClock clock;
        private final long stalledSequence;
        private final long stallNanos;
        int sends;

        StallingProducer(ManualClock clock, long stalledSequence, long stallNanos) {
            this.clock = clock;
            this.stalledSequence = stalledSequence;
            this.stallNanos = stallNanos;
        }

        @Override
        public void send(byte[] key, byte[] payload, long token, SendListener listener) {
            sends++;
            if (token == stalledSequence) {
                clock.advance(stallNanos);
            }
            listener.onCompletion(token, null);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * One producer at 1,000 msg/s (message i due at T0 + i ms) on the manual clock, into a sink whose send
     * of {@code stalledSequence} blocks for {@code stallNanos}, served by one sender loop.
     */
    private static final class Rig {
        final ManualClock clock = new ManualClock(T0);
        final PhaseLedger ledger = new PhaseLedger(1);
        final StallingProducer sink;
        final ScheduledProducer producer;
        final SenderLoop loop;

        Rig(long stalledSequence, long stallNanos) {
            sink = new StallingProducer(clock, stalledSequence, stallNanos);
            producer = new ScheduledProducer(1, "t", sink, 4096, PayloadPool.of(new byte[64]), KeyDistribution.none(), clock,
                    ledger);
            producer.startSchedule(new RateSchedule(T0, 1000));
            loop = new SenderLoop(List.of(producer), clock, clock);
        }
    }

    @Test
    void stalledSendIsChargedToEveryMessageItDelayed() {
        Rig rig = new Rig(100, 1000 * MS); // message i due at T0 + i ms

        while (rig.sink.sends < 2001) {
            rig.loop.runOnce();
        }
        PhaseSnapshot s = rig.ledger.phase(1).snapshot();

        // Message 100 is sent on time and its send blocks 1 s; messages 101..1100 fall due during the stall and
        // all go out at T0 + 1100 ms, each (1100 − i) ms late; everything else is on time and acknowledged at once.
        Histogram expectedCorrected = new Histogram(3);
        Histogram expectedDelay = new Histogram(3);
        Histogram expectedPublish = new Histogram(3);
        for (long i = 0; i <= 2000; i++) {
            long delay = i > 100 && i <= 1100 ? (1100 - i) * MS : 0;
            long publish = i == 100 ? 1000 * MS : 0;
            expectedDelay.recordValue(delay);
            expectedPublish.recordValue(publish);
            expectedCorrected.recordValue(delay + publish);
        }
        assertThat(s.histogram(LatencyMetric.PUBLISH_LATENCY_CORRECTED)).isEqualTo(expectedCorrected);
        assertThat(s.histogram(LatencyMetric.PUBLISH_DELAY_LATENCY)).isEqualTo(expectedDelay);
        assertThat(s.histogram(LatencyMetric.PUBLISH_LATENCY)).isEqualTo(expectedPublish);

        // What the correction exists to show: the uncorrected p99 hides the stall, the corrected one does not.
        assertThat(s.histogram(LatencyMetric.PUBLISH_LATENCY).getValueAtPercentile(99)).isZero();
        assertThat(s.histogram(LatencyMetric.PUBLISH_LATENCY_CORRECTED).getValueAtPercentile(75))
                .isBetween(499 * MS, 501 * MS);
        assertThat(s.messagesSent()).isEqualTo(2001);
        assertThat(rig.producer.inFlight()).isZero();
    }

    @Test
    void scheduleDebtCountsDueButUnsentMessages() {
        Rig rig = new Rig(-2, 0);
        for (int i = 0; i < 10; i++) {
            rig.loop.runOnce(); // sends messages 0..9 (each runOnce either sleeps to the due time or sends)
        }
        long sent = rig.sink.sends;
        rig.clock.advanceTo(T0 + 50 * MS);
        // messages 0..50 are due; `sent` went out
        assertThat(rig.producer.scheduleDebt(rig.clock.epochNanos())).isEqualTo(51 - sent);
    }

    @Test
    void rateChangeKeepsOwedMessagesAndThenFollowsTheNewSchedule() {
        Rig rig = new Rig(5, 10 * MS); // message 5's send blocks 10 ms
        while (rig.sink.sends < 6) {
            rig.loop.runOnce();
        }
        // now T0 + 15 ms: messages 6..15 of the old schedule are owed; the new rate starts at T0 + 12 ms
        rig.producer.requestSchedule(new RateSchedule(T0 + 12 * MS, 100));
        long[] intended = new long[12];
        for (int k = 0; k < intended.length; k++) {
            intended[k] = rig.producer.nextIntendedTime();
            while (rig.sink.sends < 7 + k) {
                rig.loop.runOnce();
            }
        }
        // old schedule up to its last message due before the switch (6..11), then the new one every 10 ms
        assertThat(intended).containsExactly(T0 + 6 * MS, T0 + 7 * MS, T0 + 8 * MS, T0 + 9 * MS, T0 + 10 * MS,
                T0 + 11 * MS, T0 + 12 * MS, T0 + 22 * MS, T0 + 32 * MS, T0 + 42 * MS, T0 + 52 * MS, T0 + 62 * MS);
        assertThat(rig.ledger.phase(1).snapshot().messagesSent()).isEqualTo(18);
    }

    @Test
    void aSearchTrialSwitchForgetsWhatTheOldScheduleOwed() {
        Rig rig = new Rig(5, 10 * MS);
        while (rig.sink.sends < 6) {
            rig.loop.runOnce();
        }
        assertThat(rig.producer.scheduleDebt(rig.clock.epochNanos())).isEqualTo(10); // 6..15 owed at T0 + 15 ms
        rig.producer.replaceSchedule(new RateSchedule(T0 + 15 * MS, 100));
        rig.loop.schedulesChanged();
        assertThat(rig.producer.nextIntendedTime()).isEqualTo(T0 + 15 * MS);
        assertThat(rig.producer.scheduleDebt(rig.clock.epochNanos())).isEqualTo(1); // the new schedule's message 0
        while (rig.sink.sends < 9) {
            rig.loop.runOnce();
        }
        assertThat(rig.producer.nextIntendedTime()).isEqualTo(T0 + 45 * MS);
        assertThat(rig.ledger.phase(1).snapshot().messagesSent()).isEqualTo(9);
    }

    @Test
    void stoppingPaysTheDebtButSendsNothingIntendedAfterTheStop() {
        Rig rig = new Rig(3, 50 * MS); // send of message 3 blocks 50 ms
        while (rig.sink.sends < 4) {
            rig.loop.runOnce();
        }
        // T0 + 53 ms: stop as of T0 + 20 ms; messages 4..20 are owed and still go out, 21.. never do
        rig.loop.stopAt(T0 + 20 * MS, Long.MAX_VALUE);
        rig.loop.run();
        assertThat(rig.sink.sends).isEqualTo(21);
        assertThat(rig.ledger.phase(1).snapshot().histogram(LatencyMetric.PUBLISH_LATENCY_CORRECTED).getMaxValue())
                .isBetween(49 * MS, 51 * MS);
    }

    @Test
    void aDebtThatCannotBePaidStopsAtThePayDeadlineAndStaysUnsent() {
        // Each send takes 2 ms: 500 msg/s against 1,000 asked, so the debt grows 500 a second.
        ManualClock clock = new ManualClock(T0);
        PhaseLedger ledger = new PhaseLedger(1);
        ProducerHandle slow = new ProducerHandle() {
            @Override
            public void send(byte[] key, byte[] payload, long token, SendListener listener) {
                clock.advance(2 * MS);
                listener.onCompletion(token, null);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ScheduledProducer producer = new ScheduledProducer(1, "t", slow, 4096, PayloadPool.of(new byte[64]),
                KeyDistribution.none(), clock, ledger);
        producer.startSchedule(new RateSchedule(T0, 1000));
        SenderLoop loop = new SenderLoop(List.of(producer), clock, clock);
        while (clock.epochNanos() < T0 + 1000 * MS) {
            loop.runOnce();
        }
        long end = clock.epochNanos(); // T0 + 1 s: 500 sent, 501 owed (message 1,000 is due at the end itself)
        assertThat(producer.scheduleDebt(end)).isEqualTo(501);

        loop.stopAt(end, end + 100 * MS); // pays until the deadline: sends at end, end + 2 ms, ..., end + 100 ms
        loop.run();
        assertThat(producer.issued()).isEqualTo(551);
        assertThat(producer.scheduleDebt(end)).isEqualTo(450);
        assertThat(producer.lastSendTime()).isEqualTo(end + 100 * MS);
    }

    @Test
    void aHundredProducersOnOneThreadEachSendOnTime() {
        // 100 producers sharing 10,000 msg/s (100 each, staggered); sends complete at once and take no time
        ManualClock clock = new ManualClock(T0);
        PhaseLedger ledger = new PhaseLedger(1);
        int[] sends = new int[1];
        ProducerHandle sink = new ProducerHandle() {
            @Override
            public void send(byte[] key, byte[] payload, long token, SendListener listener) {
                sends[0]++;
                listener.onCompletion(token, null);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        List<ScheduledProducer> producers = new java.util.ArrayList<>();
        for (int p = 0; p < 100; p++) {
            ScheduledProducer producer = new ScheduledProducer(p, "t", sink, 4096, PayloadPool.of(new byte[64]),
                    KeyDistribution.none(), clock, ledger);
            producer.startSchedule(RateSchedule.staggered(T0, 10_000, p, 100));
            producers.add(producer);
        }
        SenderLoop loop = new SenderLoop(producers, clock, clock);
        while (clock.epochNanos() < T0 + 1000 * MS) {
            loop.runOnce();
        }
        // every message due in the first second went out exactly at its intended time
        assertThat(sends[0]).isBetween(10_000, 10_100);
        assertThat(ledger.phase(1).snapshot().histogram(LatencyMetric.PUBLISH_DELAY_LATENCY).getMaxValue()).isZero();
        for (ScheduledProducer p : producers) {
            assertThat(p.scheduleDebt(clock.epochNanos() - 1)).isZero(); // what falls due at the very end may wait
        }
    }
}
