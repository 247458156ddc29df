package io.msgbench.load;

import io.msgbench.driver.MessageListener;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseRecorder;

/**
 * The receiving side of one consumer: decodes each payload's stamp and records end-to-end latency
 * against the phase that sent the message. Probe messages only count towards readiness. Runs on the
 * consumer's poll thread; allocation-free.
 */
public final class ReceivedMessageRecorder implements MessageListener {
    private final PhaseLedger ledger;
    private final SubscriptionCounters counters;

    /** @param counters shared by the consumers of one subscription */
    public ReceivedMessageRecorder(PhaseLedger ledger, SubscriptionCounters counters) {
        this.ledger = ledger;
        this.counters = counters;
    }

    @Override
    public void onMessage(int partition, byte[] payload, long receiveEpochNanos) {
        if (!PayloadStamp.isStamped(payload)) {
            counters.unrecognisedReceived();
            return;
        }
        int phase = PayloadStamp.phase(payload);
        if (phase == PayloadStamp.PROBE_PHASE) {
            counters.probeReceived();
            return;
        }
        if (!ledger.isCounted(phase)) {
            counters.unrecognisedReceived();
            return;
        }
        PhaseRecorder recorder = ledger.phase(phase);
        recorder.recordLatency(LatencyMetric.END_TO_END_LATENCY, PayloadStamp.sendEpochNanos(payload), receiveEpochNanos);
        recorder.recordLatency(LatencyMetric.END_TO_END_LATENCY_CORRECTED, PayloadStamp.intendedEpochNanos(payload),
                receiveEpochNanos);
        recorder.messageReceived();
        counters.messageReceived();
        ledger.receivedDuringWindow();
    }
}
