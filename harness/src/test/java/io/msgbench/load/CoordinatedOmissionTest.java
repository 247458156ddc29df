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

    @Test
    void stalledSendIsChargedToEveryMessageItDelayed() {
        ManualClock clock = new ManualClock(T0);
        PhaseLedger ledger = new PhaseLedger(1);
        StallingProducer sink = new StallingProducer(clock, 100, 1000 * MS);
        ScheduledProducer producer = new ScheduledProducer(1, "t", sink, PayloadPool.of(new byte[64]), KeyDistribution.none(), clock, ledger);
        producer.startSchedule(new RateSchedule(T0, 1000)); // message i due at T0 + i ms
        SenderLoop loop = new SenderLoop(List.of(producer), clock, clock);

        while (sink.sends < 2001) {
            loop.runOnce();
        }
        PhaseSnapshot s = ledger.phase(1).snapshot();

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
        assertThat(producer.inFlight()).isZero();
    }

    @Test
    void scheduleDebtCountsDueButUnsentMessages() {
        ManualClock clock = new ManualClock(T0);
        PhaseLedger ledger = new PhaseLedger(1);
        StallingProducer sink = new StallingProducer(clock, -2, 0);
        ScheduledProducer producer = new ScheduledProducer(1, "t", sink, PayloadPool.of(new byte[64]), KeyDistribution.none(), clock, ledger);
        producer.startSchedule(new RateSchedule(T0, 1000));
        SenderLoop loop = new SenderLoop(List.of(producer), clock, clock);
        for (int i = 0; i < 10; i++) {
            loop.runOnce(); // sends messages 0..9 (each runOnce either sleeps to the due time or sends)
        }
        long sent = sink.sends;
        clock.advanceTo(T0 + 50 * MS);
        // messages 0..50 are due; `sent` went out
        assertThat(producer.scheduleDebt(clock.epochNanos())).isEqualTo(51 - sent);
    }

    @Test
    void rateChangeKeepsOwedMessagesAndThenFollowsTheNewSchedule() {
        ManualClock clock = new ManualClock(T0);
        PhaseLedger ledger = new PhaseLedger(1);
        StallingProducer sink = new StallingProducer(clock, 5, 10 * MS); // message 5's send blocks 10 ms
        ScheduledProducer producer = new ScheduledProducer(1, "t", sink, PayloadPool.of(new byte[64]), KeyDistribution.none(), clock, ledger);
        producer.startSchedule(new RateSchedule(T0, 1000));
        SenderLoop loop = new SenderLoop(List.of(producer), clock, clock);
        while (sink.sends < 6) {
            loop.runOnce();
        }
        // now T0 + 15 ms: messages 6..15 of the old schedule are owed; the new rate starts at T0 + 12 ms
        producer.requestSchedule(new RateSchedule(T0 + 12 * MS, 100));
        long[] intended = new long[12];
        for (int k = 0; k < intended.length; k++) {
            intended[k] = producer.nextIntendedTime();
            while (sink.sends < 7 + k) {
                loop.runOnce();
            }
        }
        // old schedule up to its last message due before the switch (6..11), then the new one every 10 ms
        assertThat(intended).containsExactly(T0 + 6 * MS, T0 + 7 * MS, T0 + 8 * MS, T0 + 9 * MS, T0 + 10 * MS,
                T0 + 11 * MS, T0 + 12 * MS, T0 + 22 * MS, T0 + 32 * MS, T0 + 42 * MS, T0 + 52 * MS, T0 + 62 * MS);
        assertThat(ledger.phase(1).snapshot().messagesSent()).isEqualTo(18);
    }

    @Test
    void aSearchTrialSwitchForgetsWhatTheOldScheduleOwed() {
        ManualClock clock = new ManualClock(T0);
        PhaseLedger ledger = new PhaseLedger(1);
        StallingProducer sink = new StallingProducer(clock, 5, 10 * MS);
        ScheduledProducer producer = new ScheduledProducer(1, "t", sink, PayloadPool.of(new byte[64]), KeyDistribution.none(), clock, ledger);
        producer.startSchedule(new RateSchedule(T0, 1000));
        SenderLoop loop = new SenderLoop(List.of(producer), clock, clock);
        while (sink.sends < 6) {
            loop.runOnce();
        }
        assertThat(producer.scheduleDebt(clock.epochNanos())).isEqualTo(10); // 6..15 owed at T0 + 15 ms
        producer.replaceSchedule(new RateSchedule(T0 + 15 * MS, 100));
        assertThat(producer.nextIntendedTime()).isEqualTo(T0 + 15 * MS);
        assertThat(producer.scheduleDebt(clock.epochNanos())).isEqualTo(1); // the new schedule's message 0
        while (sink.sends < 9) {
            loop.runOnce();
        }
        assertThat(producer.nextIntendedTime()).isEqualTo(T0 + 45 * MS);
        assertThat(ledger.phase(1).snapshot().messagesSent()).isEqualTo(9);
    }

    @Test
    void stoppingPaysTheDebtButSendsNothingIntendedAfterTheStop() {
        ManualClock clock = new ManualClock(T0);
        PhaseLedger ledger = new PhaseLedger(1);
        StallingProducer sink = new StallingProducer(clock, 3, 50 * MS); // send of message 3 blocks 50 ms
        ScheduledProducer producer = new ScheduledProducer(1, "t", sink, PayloadPool.of(new byte[64]), KeyDistribution.none(), clock, ledger);
        producer.startSchedule(new RateSchedule(T0, 1000));
        SenderLoop loop = new SenderLoop(List.of(producer), clock, clock);
        while (sink.sends < 4) {
            loop.runOnce();
        }
        // T0 + 53 ms: stop as of T0 + 20 ms; messages 4..20 are owed and still go out, 21.. never do
        loop.stopAt(T0 + 20 * MS);
        loop.run();
        assertThat(sink.sends).isEqualTo(21);
        assertThat(ledger.phase(1).snapshot().histogram(LatencyMetric.PUBLISH_LATENCY_CORRECTED).getMaxValue())
                .isBetween(49 * MS, 51 * MS);
    }
}
