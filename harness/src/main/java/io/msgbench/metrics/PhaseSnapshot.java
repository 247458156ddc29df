package io.msgbench.metrics;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a {@link PhaseRecorder} held at one moment.
 *
 * @param messagesSent      sends of this phase acknowledged without error
 * @param publishErrors     sends of this phase that failed
 * @param messagesReceived  receptions of this phase's messages, over all subscriptions
 * @param receivedInWindow  receptions of any phase's messages while this phase was current
 * @param negativeLatencies differences that came out negative (clock trouble), counted not recorded
 * @param histograms        latencies in nanoseconds; copies owned by the holder of the snapshot
 */
public record PhaseSnapshot(int phase, long messagesSent, long publishErrors, long messagesReceived,
                            long receivedInWindow, long negativeLatencies,
                            Map<LatencyMetric, Histogram> histograms) {
    public PhaseSnapshot {
        histograms = Map.copyOf(histograms);
    }

    public Histogram histogram(LatencyMetric metric) {
        return histograms.get(metric);
    }
}
