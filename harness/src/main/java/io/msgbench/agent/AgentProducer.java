package io.msgbench.agent;

import io.msgbench.driver.SendListener;
import io.msgbench.load.LoadProducer;
import io.msgbench.load.PayloadStamp;
import io.msgbench.load.RateSchedule;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseRecorder;
import io.msgbench.verification.ProducerSends;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A producer running in an agent, as the worker sees it: the agent's reports of its sends (completions, progress)
 * recorded into the same phase recorders, counts and verification as a Java producer's. Written by the agent's
 * reader thread only; read by any.
 */
final class AgentProducer implements LoadProducer {
    /** What the agent reported last of this producer's sends and schedule; replaced whole, so read consistently. */
    private record Progress(long issued, RateSchedule schedule, long first, long lastIntended, long lastSend) {
    }

    private static final Progress NONE = new Progress(0, null, 0, Long.MIN_VALUE, Long.MIN_VALUE);

    private final int producerId;
    private final String topic;
    private final PhaseLedger ledger;
    /** One past the last sequence sent in each phase, from the completions (every send completes once). */
    private final AtomicLongArray phaseEnds;
    private final ConcurrentLinkedQueue<Long> failed = new ConcurrentLinkedQueue<>();
    private volatile long completed;
    private volatile long acknowledged;
    private volatile Progress progress = NONE;
    private volatile SendListener probeListener;

    AgentProducer(int producerId, String topic, PhaseLedger ledger) {
        this.producerId = producerId;
        this.topic = topic;
        this.ledger = ledger;
        this.phaseEnds = new AtomicLongArray(ledger.phases() + 1);
    }

    /** Where the outcome of this producer's probe goes. */
    void onProbe(SendListener listener) {
        probeListener = listener;
    }

    /** A send's outcome, with the times the agent took around the client calls. */
    void completed(boolean failedSend, int phase, long sequence, long intended, long send, long ack) {
        if (phase == PayloadStamp.PROBE_PHASE) {
            SendListener listener = probeListener;
            if (listener != null) {
                listener.onCompletion(sequence, failedSend ? new AgentException("the probe message failed") : null);
            }
            return;
        }
        PhaseRecorder recorder = ledger.phase(phase);
        recorder.recordLatency(LatencyMetric.PUBLISH_DELAY_LATENCY, intended, send);
        if (failedSend) {
            recorder.publishError();
            failed.add(sequence);
        } else {
            recorder.sendAcknowledged(intended, send, ack);
            acknowledged++; // one writer: the reader thread
        }
        if (sequence + 1 > phaseEnds.get(phase)) {
            phaseEnds.lazySet(phase, sequence + 1); // one writer; readers come after the drain
        }
        completed++;
    }

    /** The agent's count of sends and the schedule segment they count under. */
    void progress(long issued, long segmentFirst, long segmentStart, double segmentRate, long lastIntended,
                  long lastSend) {
        RateSchedule schedule = progress.schedule();
        if (schedule == null || schedule.startEpochNanos() != segmentStart || schedule.ratePerSecond() != segmentRate) {
            schedule = new RateSchedule(segmentStart, segmentRate);
        }
        progress = new Progress(issued, schedule, segmentFirst, lastIntended, lastSend);
    }

    @Override
    public int producerId() {
        return producerId;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public long issued() {
        return progress.issued();
    }

    @Override
    public long acknowledged() {
        return acknowledged;
    }

    /** Never below zero: a completion may arrive in the batch before the progress that counts its send. */
    @Override
    public long inFlight() {
        return Math.max(0, progress.issued() - completed);
    }

    @Override
    public double scheduledRate() {
        RateSchedule schedule = progress.schedule();
        return schedule == null ? 0 : schedule.ratePerSecond();
    }

    @Override
    public long scheduleDebt(long epochNanos) {
        Progress p = progress;
        return p.schedule() == null ? 0 : Math.max(0, p.schedule().dueBy(epochNanos) - (p.issued() - p.first()));
    }

    @Override
    public long lastIntendedSent() {
        return progress.lastIntended();
    }

    @Override
    public long lastSendTime() {
        return progress.lastSend();
    }

    @Override
    public ProducerSends sends() {
        long[] ends = new long[phaseEnds.length()];
        for (int phase = 0; phase < ends.length; phase++) {
            ends[phase] = phaseEnds.get(phase);
        }
        return new ProducerSends(producerId, topic, ends, failed.stream().mapToLong(Long::longValue).toArray());
    }
}
