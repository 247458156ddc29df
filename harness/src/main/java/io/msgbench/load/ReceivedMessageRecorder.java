package io.msgbench.load;

import io.msgbench.driver.MessageListener;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseRecorder;
import io.msgbench.verification.ConsumerReceipts;

/**
 * The receiving side of one consumer: decodes each payload's stamp, verifies its sequence and records
 * end-to-end latency against the phase that sent the message. Probe messages only count towards
 * readiness. A duplicate is counted, not recorded as a latency (a re-read from an old offset would
 * otherwise pass for a slow delivery). Runs on the consumer's poll thread; allocation-free.
 */
public final class ReceivedMessageRecorder implements MessageListener {
    private final PhaseLedger ledger;
    private final SubscriptionCounters counters;
    private final ConsumerReceipts receipts;
    private final ClockCorrections corrections;

    /**
     * @param counters shared by the consumers of one subscription
     * @param receipts this consumer's own
     */
    public ReceivedMessageRecorder(PhaseLedger ledger, SubscriptionCounters counters, ConsumerReceipts receipts) {
        this(ledger, counters, receipts, new ClockCorrections());
    }

    /**
     * @param corrections what puts a message's send and intended times on this worker's clock, by producer (for
     *                    producers on other hosts)
     */
    public ReceivedMessageRecorder(PhaseLedger ledger, SubscriptionCounters counters, ConsumerReceipts receipts,
                                   ClockCorrections corrections) {
        this.ledger = ledger;
        this.counters = counters;
        this.receipts = receipts;
        this.corrections = corrections;
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
        if (!ledger.isCounted(phase) || PayloadStamp.sequence(payload) < 0) {
            counters.unrecognisedReceived();
            return;
        }
        PhaseRecorder recorder = ledger.phase(phase);
        ledger.receivedDuringWindow();
        int verdict = receipts.record(PayloadStamp.producerId(payload), PayloadStamp.sequence(payload), partition);
        if (verdict == ConsumerReceipts.DUPLICATE) {
            recorder.messageDuplicated();
            return;
        }
        if (verdict == ConsumerReceipts.OUT_OF_ORDER) {
            recorder.messageOutOfOrder();
        }
        long correction = corrections.of(PayloadStamp.producerId(payload));
        recorder.recordLatency(LatencyMetric.END_TO_END_LATENCY, PayloadStamp.sendEpochNanos(payload) + correction,
                receiveEpochNanos);
        recorder.recordLatency(LatencyMetric.END_TO_END_LATENCY_CORRECTED,
                PayloadStamp.intendedEpochNanos(payload) + correction, receiveEpochNanos);
        recorder.messageReceived();
        counters.messageReceived();
    }
}
