package io.msgbench.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Everything measured about the messages of one phase (probe, warmup or measurement iteration):
 * latencies into HdrHistogram recorders in nanoseconds, and counters.
 *
 * <p>Writers (sender, client I/O and poll threads) are wait-free and rarely share a cache line on the
 * per-message path: a latency goes to a recorder of the thread's own or, beyond a few threads, to a shared
 * one ({@link ThreadRecorders}), and the counters are {@link LongAdder}s, so a hundred producers' I/O threads
 * do not contend on one cache line. Attribution is by the phase that <em>sent</em> the message, so a phase keeps receiving after it
 * ended; {@link #snapshot} can be called any number of times and always returns everything recorded so far.
 */
public final class PhaseRecorder {
    /** 3 significant digits: 0.1 % resolution, as OMB and HdrHistogram's own examples use. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final int phase;
    private final ThreadRecorders[] recorders = new ThreadRecorders[LatencyMetric.all().length];
    private final Histogram[] accumulated = new Histogram[LatencyMetric.all().length];
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder publishErrors = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder receivedInWindow = new LongAdder();
    private final LongAdder negativeLatencies = new LongAdder();
    private final LongAdder duplicatedInConsumer = new LongAdder();
    private final LongAdder outOfOrder = new LongAdder();
    /** Set by the drain's verification; 0 until then. */
    private volatile long lost;
    private volatile long duplicatedAcrossConsumers;
    /** Written by one thread only, the worker's stall watch. */
    private volatile long longestStallNanos;
    private final Histogram interval = new Histogram(SIGNIFICANT_DIGITS);

    public PhaseRecorder(int phase) {
        this.phase = phase;
        for (LatencyMetric m : LatencyMetric.all()) {
            recorders[m.ordinal()] = new ThreadRecorders(SIGNIFICANT_DIGITS);
            accumulated[m.ordinal()] = new Histogram(SIGNIFICANT_DIGITS);
        }
    }

    public int phase() {
        return phase;
    }

    /** Records {@code end − start}; a negative difference is counted, not recorded. */
    public void recordLatency(LatencyMetric metric, long startNanos, long endNanos) {
        long value = endNanos - startNanos;
        if (value < 0) {
            negativeLatencies.increment();
        } else {
            recorders[metric.ordinal()].record(value);
        }
    }

    /**
     * A send of this phase was acknowledged at {@code ackNanos}: its publish latency from the actual send and,
     * corrected, from the intended time, and one more message sent.
     */
    public void sendAcknowledged(long intendedNanos, long sentNanos, long ackNanos) {
        recordLatency(LatencyMetric.PUBLISH_LATENCY, sentNanos, ackNanos);
        recordLatency(LatencyMetric.PUBLISH_LATENCY_CORRECTED, intendedNanos, ackNanos);
        messageSent();
    }

    /** A send of this phase was acknowledged. */
    public void messageSent() {
        messagesSent.increment();
    }

    /** A send of this phase failed. */
    public void publishError() {
        publishErrors.increment();
    }

    /** A message sent in this phase was received (by one subscription). */
    public void messageReceived() {
        messagesReceived.increment();
    }

    /** A message of this phase reached a consumer that had already received it. */
    public void messageDuplicated() {
        duplicatedInConsumer.increment();
    }

    /** A message of this phase arrived after a later one of the same producer and partition. */
    public void messageOutOfOrder() {
        outOfOrder.increment();
    }

    /**
     * The verification after the drain: acknowledged messages of this phase no consumer of a
     * subscription received, and extra deliveries to further consumers of one subscription. Replaces
     * an earlier verdict.
     */
    public void deliveryChecked(long lostMessages, long duplicatedAcross) {
        lost = lostMessages;
        duplicatedAcrossConsumers = duplicatedAcross;
    }

    /**
     * While this phase was current, sends were outstanding and none was acknowledged for {@code nanos} so far (the stall
     * watch's reading, off the per-message path); the longest is kept. One writer.
     */
    public void stalled(long nanos) {
        if (nanos > longestStallNanos) {
            longestStallNanos = nanos;
        }
    }

    /** A message (of any phase) was received while this phase was the current one. */
    public void receivedDuringWindow() {
        receivedInWindow.increment();
    }

    /** Messages acknowledged so far. */
    public long messagesSent() {
        return messagesSent.sum();
    }

    public long publishErrors() {
        return publishErrors.sum();
    }

    public long messagesReceived() {
        return messagesReceived.sum();
    }

    /** Duplicated deliveries: those counted as they arrived plus the drain's cross-consumer ones. */
    public long messagesDuplicated() {
        return duplicatedInConsumer.sum() + duplicatedAcrossConsumers;
    }

    public long messagesOutOfOrder() {
        return outOfOrder.sum();
    }

    /**
     * Everything recorded so far; the histograms are copies the caller owns. Readers are serialised
     * here; writers never wait for a reader.
     */
    public synchronized PhaseSnapshot snapshot() {
        Map<LatencyMetric, Histogram> histograms = new EnumMap<>(LatencyMetric.class);
        for (LatencyMetric m : LatencyMetric.all()) {
            recorders[m.ordinal()].addNewInto(accumulated[m.ordinal()], interval);
            histograms.put(m, accumulated[m.ordinal()].copy());
        }
        return new PhaseSnapshot(phase, messagesSent.sum(), publishErrors.sum(), messagesReceived.sum(),
                receivedInWindow.sum(), negativeLatencies.sum(), lost,
                messagesDuplicated(), outOfOrder.sum(), histograms, longestStallNanos);
    }
}
