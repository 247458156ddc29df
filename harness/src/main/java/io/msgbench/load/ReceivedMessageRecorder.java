package io.msgbench.load;

import io.msgbench.driver.MessageListener;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseRecorder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiving side of one consumer: decodes each payload's stamp and records end-to-end latency
 * against the phase that sent the message. Probe messages only count towards readiness. Runs on the
 * consumer's poll thread; allocation-free.
 */
public final class ReceivedMessageRecorder implements MessageListener {
    private final PhaseLedger ledger;
    private final AtomicLong probesReceived;
    private final AtomicLong unrecognised = new AtomicLong();

    /** @param probesReceived shared by the consumers of one subscription */
    public ReceivedMessageRecorder(PhaseLedger ledger, AtomicLong probesReceived) {
        this.ledger = ledger;
        this.probesReceived = probesReceived;
    }

    @Override
    public void onMessage(int partition, byte[] payload, long receiveEpochNanos) {
        if (!PayloadStamp.isStamped(payload)) {
            unrecognised.incrementAndGet();
            return;
        }
        int phase = PayloadStamp.phase(payload);
        if (phase == PayloadStamp.PROBE_PHASE) {
            probesReceived.incrementAndGet();
            return;
        }
        if (!ledger.isCounted(phase)) {
            unrecognised.incrementAndGet();
            return;
        }
        PhaseRecorder recorder = ledger.phase(phase);
        recorder.recordLatency(LatencyMetric.END_TO_END_LATENCY, PayloadStamp.sendEpochNanos(payload), receiveEpochNanos);
        recorder.recordLatency(LatencyMetric.END_TO_END_LATENCY_CORRECTED, PayloadStamp.intendedEpochNanos(payload),
                receiveEpochNanos);
        recorder.messageReceived();
        ledger.current().receivedDuringWindow();
    }

    /** Messages that carried no msgbench stamp or an unknown phase (not ours, or corrupted). */
    public long unrecognised() {
        return unrecognised.get();
    }
}
