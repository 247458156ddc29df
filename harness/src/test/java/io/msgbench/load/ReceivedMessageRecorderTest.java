package io.msgbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.verification.ConsumerReceipts;
import org.junit.jupiter.api.Test;

class ReceivedMessageRecorderTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void attributesToTheSendingPhaseAndCountsTheWindowOfTheCurrentOne() {
        PhaseLedger ledger = new PhaseLedger(2);
        SubscriptionCounters counters = new SubscriptionCounters("t", "s");
        ReceivedMessageRecorder r = new ReceivedMessageRecorder(ledger, counters, new ConsumerReceipts());
        byte[] p = new byte[100];

        PayloadStamp.write(p, PayloadStamp.PROBE_PHASE, 1, -1, T0, T0);
        r.onMessage(0, p, T0 + 5);
        PayloadStamp.write(p, 1, 1, 0, T0, T0 + 1_000);
        ledger.advanceTo(2); // received after phase 1 ended
        r.onMessage(0, p, T0 + 3_000);
        r.onMessage(0, new byte[100], T0); // not ours
        ledger.closeWindow();
        PayloadStamp.write(p, 1, 1, 1, T0, T0 + 1_000);
        r.onMessage(0, p, T0 + 9_000); // during the drain: counted, but in no window

        assertThat(counters.probes()).isEqualTo(1);
        assertThat(counters.unrecognised()).isEqualTo(1);
        assertThat(counters.received()).isEqualTo(2);
        PhaseSnapshot one = ledger.phase(1).snapshot();
        PhaseSnapshot two = ledger.phase(2).snapshot();
        assertThat(one.messagesReceived()).isEqualTo(2);
        assertThat(one.receivedInWindow()).isZero();
        assertThat(two.messagesReceived()).isZero();
        assertThat(two.receivedInWindow()).isEqualTo(1);
        assertThat(one.histogram(LatencyMetric.END_TO_END_LATENCY).getMinValue()).isEqualTo(2_000L);
        assertThat(one.histogram(LatencyMetric.END_TO_END_LATENCY_CORRECTED).getMinValue()).isBetween(2_998L, 3_000L);
        assertThat(one.histogram(LatencyMetric.END_TO_END_LATENCY).getMaxValue()).isBetween(8_000L, 8_004L);
    }

    @Test
    void countsDuplicatesWithoutRecordingTheirLatencyAndOutOfOrderDeliveriesWithIt() {
        PhaseLedger ledger = new PhaseLedger(1);
        SubscriptionCounters counters = new SubscriptionCounters("t", "s");
        ReceivedMessageRecorder r = new ReceivedMessageRecorder(ledger, counters, new ConsumerReceipts());
        byte[] p = new byte[64];
        for (long seq : new long[] {0, 2, 1, 2, 0, 3}) {
            PayloadStamp.write(p, 1, 7, seq, T0, T0);
            r.onMessage(0, p, T0 + 1_000 * (seq + 1));
        }
        PhaseSnapshot s = ledger.phase(1).snapshot();
        assertThat(s.messagesReceived()).isEqualTo(4);
        assertThat(s.messagesDuplicated()).isEqualTo(2);
        assertThat(s.messagesOutOfOrder()).isEqualTo(1);
        assertThat(s.receivedInWindow()).isEqualTo(6);
        assertThat(s.histogram(LatencyMetric.END_TO_END_LATENCY).getTotalCount()).isEqualTo(4);
        assertThat(counters.received()).isEqualTo(4);
    }

    /**
     * A message from a producer whose host's clock runs 150 ms behind this one's is received "150 ms late": the
     * correction puts its times on this clock; a producer not named (this host) is left as it is.
     */
    @Test
    void clockCorrectionsPutOtherHostsSendTimesOnThisClock() {
        PhaseLedger ledger = new PhaseLedger(1);
        ClockCorrections corrections = new ClockCorrections();
        ReceivedMessageRecorder r = new ReceivedMessageRecorder(ledger, new SubscriptionCounters("t", "s"),
                new ConsumerReceipts(), corrections);
        corrections.set(java.util.Map.of(7, 150_000_000L, 8, -5L, 9, 0L));
        byte[] p = new byte[64];
        PayloadStamp.write(p, 1, 7, 0, T0, T0 + 1_000);
        r.onMessage(0, p, T0 + 150_003_000L); // 2 ms after its send on one clock, 2 ms + 150 ms on two
        PayloadStamp.write(p, 1, 3, 0, T0, T0 + 1_000);
        r.onMessage(0, p, T0 + 4_000L); // not named: no correction
        PhaseSnapshot s = ledger.phase(1).snapshot();
        assertThat(s.histogram(LatencyMetric.END_TO_END_LATENCY).getMaxValue()).isBetween(2_000L, 3_002L);
        assertThat(s.histogram(LatencyMetric.END_TO_END_LATENCY).getMinValue()).isBetween(2_000L, 3_002L);
        assertThat(s.histogram(LatencyMetric.END_TO_END_LATENCY_CORRECTED).getMaxValue()).isBetween(3_000L, 4_004L);
        assertThat(corrections.of(8)).isEqualTo(-5L);
        assertThat(corrections.of(9)).isZero();
        assertThat(corrections.of(10)).isZero();
        corrections.set(java.util.Map.of());
        assertThat(corrections.of(7)).isZero();
    }
}
