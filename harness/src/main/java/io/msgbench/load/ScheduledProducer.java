package io.msgbench.load;

import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseRecorder;
import io.msgbench.verification.ProducerSends;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One producer under a rate schedule: stamps and sends its due messages, and records what the
 * acknowledgements say. Sending happens on one sender thread; completions arrive on the client's
 * I/O thread. Neither path allocates or locks.
 */
public final class ScheduledProducer implements SendListener, LoadProducer {
    private static final VarHandle ISSUED;
    private static final VarHandle COMPLETED;
    private static final VarHandle ACKNOWLEDGED;
    private static final VarHandle PENDING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ISSUED = lookup.findVarHandle(ScheduledProducer.class, "issued", long.class);
            COMPLETED = lookup.findVarHandle(ScheduledProducer.class, "completed", long.class);
            ACKNOWLEDGED = lookup.findVarHandle(ScheduledProducer.class, "acknowledged", long.class);
            PENDING = lookup.findVarHandle(ScheduledProducer.class, "pending", ScheduleChange.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int producerId;
    private final String topic;
    private final ProducerHandle handle;
    private final PayloadPool payloads;
    private final KeyDistribution keys;
    private final EpochNanoClock clock;
    private final PhaseLedger ledger;
    private final InFlightTable inFlight;
    // Counters and the pending change are fields updated through VarHandles rather than Atomic* objects, so
    // that a send touches this object's cache lines and not three or four more (a hundred producers on one
    // sender thread take turns, so each send finds another producer's lines cold).
    /** Messages handed to the client; written by the sender thread only. */
    private volatile long issued;
    /** Completions (acknowledgements or errors). */
    private volatile long completed;
    private volatile long acknowledged;
    /** A rate change requested by the coordinator, taken over by the sender thread. */
    private volatile ScheduleChange pending;
    /** One past the last sequence sent in each phase, for verification; written by the sender thread. */
    private final long[] phaseEnds;
    /** Sequences whose send failed: not expected by any consumer. Errors are rare, so boxing is fine. */
    private final ConcurrentLinkedQueue<Long> failed = new ConcurrentLinkedQueue<>();

    /** Written by the sender thread (or before it starts), read by the coordinator for schedule debt. */
    private volatile Segment segment;
    // Owned by the sender thread.
    /** The current segment's schedule, read without the volatile hop through {@link #segment}. */
    private RateSchedule schedule;
    private long scheduleIndex;
    private long nextSequence;
    private long lastIntendedSent = Long.MIN_VALUE;
    private long lastSendTime = Long.MIN_VALUE;

    /**
     * @param maxInFlight sends that may be in flight before the sender waits for acknowledgements: the
     *                    power of two {@code handle} was created for ({@link InFlightCapacity})
     * @param payloads    the message buffers, at least {@link PayloadStamp#SIZE} bytes each; reused since
     *                    drivers copy on send
     */
    public ScheduledProducer(int producerId, String topic, ProducerHandle handle, int maxInFlight,
                             PayloadPool payloads, KeyDistribution keys, EpochNanoClock clock, PhaseLedger ledger) {
        if (payloads.messageSize() < PayloadStamp.SIZE) {
            throw new IllegalArgumentException("message size " + payloads.messageSize() + " is smaller than the "
                    + PayloadStamp.SIZE + "-byte stamp");
        }
        this.inFlight = new InFlightTable(maxInFlight);
        this.producerId = producerId;
        this.topic = topic;
        this.handle = handle;
        this.payloads = payloads;
        this.keys = keys;
        this.clock = clock;
        this.ledger = ledger;
        this.phaseEnds = new long[ledger.phases() + 1];
    }

    public int producerId() {
        return producerId;
    }

    public String topic() {
        return topic;
    }

    public int messageSize() {
        return payloads.messageSize();
    }

    /** A schedule and the sequence number its message 0 got, published together. */
    private record Segment(RateSchedule schedule, long firstSequence) {
    }

    /** Starts a new schedule segment; sequence numbers continue. Call before the sender thread runs. */
    public void startSchedule(RateSchedule newSchedule) {
        this.scheduleIndex = 0;
        this.schedule = newSchedule;
        this.segment = new Segment(newSchedule, nextSequence);
    }

    /** A requested schedule, and whether the messages the current one still owes are forgotten. */
    private record ScheduleChange(RateSchedule schedule, boolean forgetOwed) {
    }

    /**
     * Changes the rate from any thread: {@code next} takes over at its start time. Messages the current
     * schedule made due before then are still sent (late ones included), so a rate change never makes
     * owed messages vanish from the corrected latencies.
     */
    public void requestSchedule(RateSchedule next) {
        pending = new ScheduleChange(next, false);
    }

    /**
     * Changes the rate from any thread and forgets what the current schedule still owes: the next
     * message is the new schedule's first. For the trials of the maximum-rate search only, where a
     * failed trial's debt must not count against the next one; never during measurement.
     */
    public void replaceSchedule(RateSchedule next) {
        pending = new ScheduleChange(next, true);
    }

    /** Intended time of the next message, epoch nanoseconds; switches to a requested schedule when due. */
    long nextIntendedTime() {
        long next = schedule.intendedTime(scheduleIndex);
        ScheduleChange requested = pending;
        if (requested != null && (requested.forgetOwed() || next >= requested.schedule().startEpochNanos())) {
            PENDING.compareAndSet(this, requested, null);
            startSchedule(requested.schedule());
            next = requested.schedule().intendedTime(0);
        }
        return next;
    }

    /** False when the next message's in-flight slot is still taken (the sender must wait). */
    boolean canSend() {
        return inFlight.isFree(nextSequence);
    }

    /** Sends the next message at its intended time, without waiting for it (for benchmarks of this path). */
    public void sendNextDue() {
        sendNext(nextIntendedTime());
    }

    /** Stamps and sends the next message, due at {@code intended}. */
    void sendNext(long intended) {
        long sequence = nextSequence;
        int phase = ledger.currentPhase();
        byte[] payload = payloads.next();
        byte[] key = keys.next();
        long sendTime = clock.epochNanos();
        PayloadStamp.write(payload, phase, producerId, sequence, intended, sendTime);
        inFlight.claim(sequence, intended, sendTime, phase);
        ledger.phase(phase).recordLatency(LatencyMetric.PUBLISH_DELAY_LATENCY, intended, sendTime);
        nextSequence = sequence + 1;
        phaseEnds[phase] = sequence + 1;
        lastIntendedSent = intended;
        lastSendTime = sendTime;
        scheduleIndex++;
        ISSUED.setRelease(this, sequence + 1);
        handle.send(key, payload, sequence, this);
    }

    @Override
    public void onCompletion(long sequence, Exception error) {
        long ackTime = clock.epochNanos();
        PhaseRecorder recorder = ledger.phase(inFlight.phase(sequence));
        if (error == null) {
            recorder.sendAcknowledged(inFlight.intended(sequence), inFlight.sent(sequence), ackTime);
            ACKNOWLEDGED.getAndAdd(this, 1L);
        } else {
            recorder.publishError();
            failed.add(sequence);
        }
        inFlight.release(sequence);
        COMPLETED.getAndAdd(this, 1L); // usually the I/O thread; a client may fail a send on the caller's
    }

    /**
     * Sends one readiness probe (phase 0, never counted, sequence −1); only while no sender loop
     * runs this producer, since it uses the same buffer.
     */
    public void sendProbe(SendListener listener) {
        byte[] payload = payloads.next();
        long now = clock.epochNanos();
        PayloadStamp.write(payload, PayloadStamp.PROBE_PHASE, producerId, -1, now, now);
        handle.send(keys.next(), payload, -1, listener);
    }

    /** Intended time of the last message sent; read once the sender thread has stopped. */
    public long lastIntendedSent() {
        return lastIntendedSent;
    }

    /** When the last message was actually sent (epoch nanoseconds); read once the sender thread has stopped. */
    public long lastSendTime() {
        return lastSendTime;
    }

    /** Messages handed to the client so far. */
    public long issued() {
        return issued;
    }

    /** Sends acknowledged without error. */
    public long acknowledged() {
        return acknowledged;
    }

    /** Sends handed to the client whose completion has not arrived yet. */
    public long inFlight() {
        return issued - completed;
    }

    /** The rate of the current schedule segment, msg/s (0 before one started). */
    public double scheduledRate() {
        Segment s = segment;
        return s == null ? 0 : s.schedule().ratePerSecond();
    }

    /** Messages due by {@code epochNanos} under the current schedule segment but not yet sent. */
    public long scheduleDebt(long epochNanos) {
        Segment s = segment;
        if (s == null) {
            return 0;
        }
        return Math.max(0, s.schedule().dueBy(epochNanos) - (issued() - s.firstSequence()));
    }

    /**
     * What this producer sent, phase by phase, and which sends failed; complete once its sender thread
     * has stopped and nothing is in flight.
     */
    public ProducerSends sends() {
        return new ProducerSends(producerId, topic, phaseEnds,
                failed.stream().mapToLong(Long::longValue).toArray());
    }

    /** Sends everything the client buffers now. */
    public void flush() {
        handle.flush();
    }

    /** Closes the client of this producer. */
    public void closeHandle() {
        handle.close();
    }
}
