package io.msgbench.metrics;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a {@link PhaseRecorder} held at one moment.
 *
 * @param messagesSent      sends of this phase acknowledged without error
 * @param publishErrors     sends of this phase that failed
 * @param messagesReceived  deliveries of this phase's messages new to their consumer, over all subscriptions
 * @param receivedInWindow  receptions of any phase's messages while this phase was current
 * @param negativeLatencies differences that came out negative (clock trouble), counted not recorded
 * @param messagesLost      acknowledged messages a subscription never received (known after the drain)
 * @param messagesDuplicated deliveries beyond the first of a message to a subscription
 * @param messagesOutOfOrder first deliveries behind a later message of the same producer and partition
 * @param histograms        latencies in nanoseconds; copies owned by the holder of the snapshot
 * @param longestStallNanos the longest time in this phase during which sends were outstanding and none was acknowledged
 *                          (acknowledged or failed): the broker or the network stalled, not load
 */
public record PhaseSnapshot(int phase, long messagesSent, long publishErrors, long messagesReceived,
                            long receivedInWindow, long negativeLatencies, long messagesLost,
                            long messagesDuplicated, long messagesOutOfOrder,
                            Map<LatencyMetric, Histogram> histograms, long longestStallNanos) {
    public PhaseSnapshot {
        histograms = Map.copyOf(histograms);
    }

    /** A snapshot without a stall. */
    public PhaseSnapshot(int phase, long messagesSent, long publishErrors, long messagesReceived,
                         long receivedInWindow, long negativeLatencies, long messagesLost,
                         long messagesDuplicated, long messagesOutOfOrder, Map<LatencyMetric, Histogram> histograms) {
        this(phase, messagesSent, publishErrors, messagesReceived, receivedInWindow, negativeLatencies, messagesLost,
                messagesDuplicated, messagesOutOfOrder, histograms, 0);
    }

    public Histogram histogram(LatencyMetric metric) {
        return histograms.get(metric);
    }

    /**
     * This phase as seen by two workers together: counts added, histograms added (exactly: HdrHistogram sums
     * bucket by bucket), the longer stall; neither snapshot changes.
     */
    public PhaseSnapshot plus(PhaseSnapshot other) {
        Map<LatencyMetric, Histogram> merged = new java.util.EnumMap<>(LatencyMetric.class);
        for (Map<LatencyMetric, Histogram> side : List.of(histograms, other.histograms)) {
            side.forEach((m, h) -> {
                Histogram into = merged.get(m);
                if (into == null) {
                    merged.put(m, h.copy());
                } else {
                    into.add(h);
                }
            });
        }
        return new PhaseSnapshot(phase, messagesSent + other.messagesSent, publishErrors + other.publishErrors,
                messagesReceived + other.messagesReceived, receivedInWindow + other.receivedInWindow,
                negativeLatencies + other.negativeLatencies, messagesLost + other.messagesLost,
                messagesDuplicated + other.messagesDuplicated, messagesOutOfOrder + other.messagesOutOfOrder, merged,
                Math.max(longestStallNanos, other.longestStallNanos));
    }

    /** This snapshot with the verdicts of a verification done elsewhere (a coordinator's, over several workers). */
    public PhaseSnapshot withVerdicts(long lost, long moreDuplicated) {
        return new PhaseSnapshot(phase, messagesSent, publishErrors, messagesReceived, receivedInWindow,
                negativeLatencies, lost, messagesDuplicated + moreDuplicated, messagesOutOfOrder, histograms,
                longestStallNanos);
    }
}
