package io.msgbench.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything measured about the messages of one phase (probe, warmup or measurement iteration):
 * latencies into HdrHistogram {@link Recorder}s in nanoseconds, and counters.
 *
 * <p>Writers (sender, client I/O and poll threads) are wait-free and allocation-free: {@link Recorder}
 * writes through a WriterReaderPhaser and the counters are atomics. Attribution is by the phase that
 * <em>sent</em> the message, so a phase keeps receiving after it ended; {@link #snapshot} can be
 * called any number of times and always returns everything recorded so far.
 */
public final class PhaseRecorder {
    /** 3 significant digits: 0.1 % resolution, as OMB and HdrHistogram's own examples use. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final int phase;
    private final Recorder[] recorders = new Recorder[LatencyMetric.all().length];
    private final Histogram[] accumulated = new Histogram[LatencyMetric.all().length];
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong publishErrors = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicLong receivedInWindow = new AtomicLong();
    private final AtomicLong negativeLatencies = new AtomicLong();
    private final AtomicLong duplicatedInConsumer = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    /** Set by the drain's verification; 0 until then. */
    private volatile long lost;
    private volatile long duplicatedAcrossConsumers;
    private final Histogram interval = new Histogram(SIGNIFICANT_DIGITS);

    public PhaseRecorder(int phase) {
        this.phase = phase;
        for (LatencyMetric m : LatencyMetric.all()) {
            recorders[m.ordinal()] = new Recorder(SIGNIFICANT_DIGITS);
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
            negativeLatencies.incrementAndGet();
        } else {
            recorders[metric.ordinal()].recordValue(value);
        }
    }

    /** A send of this phase was acknowledged. */
    public void messageSent() {
        messagesSent.incrementAndGet();
    }

    /** A send of this phase failed. */
    public void publishError() {
        publishErrors.incrementAndGet();
    }

    /** A message sent in this phase was received (by one subscription). */
    public void messageReceived() {
        messagesReceived.incrementAndGet();
    }

    /** A message of this phase reached a consumer that had already received it. */
    public void messageDuplicated() {
        duplicatedInConsumer.incrementAndGet();
    }

    /** A message of this phase arrived after a later one of the same producer and partition. */
    public void messageOutOfOrder() {
        outOfOrder.incrementAndGet();
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

    /** A message (of any phase) was received while this phase was the current one. */
    public void receivedDuringWindow() {
        receivedInWindow.incrementAndGet();
    }

    /** Messages acknowledged so far. */
    public long messagesSent() {
        return messagesSent.get();
    }

    public long publishErrors() {
        return publishErrors.get();
    }

    public long messagesReceived() {
        return messagesReceived.get();
    }

    /** Duplicated deliveries: those counted as they arrived plus the drain's cross-consumer ones. */
    public long messagesDuplicated() {
        return duplicatedInConsumer.get() + duplicatedAcrossConsumers;
    }

    public long messagesOutOfOrder() {
        return outOfOrder.get();
    }

    /**
     * Everything recorded so far; the histograms are copies the caller owns. Readers are serialised
     * here; writers never wait for a reader.
     */
    public synchronized PhaseSnapshot snapshot() {
        Map<LatencyMetric, Histogram> histograms = new EnumMap<>(LatencyMetric.class);
        for (LatencyMetric m : LatencyMetric.all()) {
            recorders[m.ordinal()].getIntervalHistogramInto(interval);
            accumulated[m.ordinal()].add(interval);
            histograms.put(m, accumulated[m.ordinal()].copy());
        }
        return new PhaseSnapshot(phase, messagesSent.get(), publishErrors.get(), messagesReceived.get(),
                receivedInWindow.get(), negativeLatencies.get(), lost,
                messagesDuplicated(), outOfOrder.get(), histograms);
    }
}
