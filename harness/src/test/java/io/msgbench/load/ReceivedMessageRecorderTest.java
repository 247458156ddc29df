package io.msgbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseSnapshot;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReceivedMessageRecorderTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void attributesToTheSendingPhaseAndCountsTheWindowOfTheCurrentOne() {
        PhaseLedger ledger = new PhaseLedger(2);
        AtomicLong probes = new AtomicLong();
        ReceivedMessageRecorder r = new ReceivedMessageRecorder(ledger, probes);
        byte[] p = new byte[100];

        PayloadStamp.write(p, PayloadStamp.PROBE_PHASE, 1, -1, T0, T0);
        r.onMessage(0, p, T0 + 5);
        PayloadStamp.write(p, 1, 1, 0, T0, T0 + 1_000);
        ledger.advanceTo(2); // received after phase 1 ended
        r.onMessage(0, p, T0 + 3_000);
        r.onMessage(0, new byte[100], T0); // not ours

        assertThat(probes.get()).isEqualTo(1);
        assertThat(r.unrecognised()).isEqualTo(1);
        PhaseSnapshot one = ledger.phase(1).snapshot();
        PhaseSnapshot two = ledger.phase(2).snapshot();
        assertThat(one.messagesReceived()).isEqualTo(1);
        assertThat(one.receivedInWindow()).isZero();
        assertThat(two.messagesReceived()).isZero();
        assertThat(two.receivedInWindow()).isEqualTo(1);
        assertThat(one.histogram(LatencyMetric.END_TO_END_LATENCY).getMaxValue()).isBetween(2_000L, 2_001L);
        assertThat(one.histogram(LatencyMetric.END_TO_END_LATENCY_CORRECTED).getMaxValue()).isBetween(3_000L, 3_002L);
    }
}
