package io.msgbench.report;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.metrics.Readings;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The final figures of one iteration on one fork, after the drain: every message this iteration sent
 * is accounted for here, whenever it was received.
 *
 * @param index             1-based among the iterations of its kind (warmup or measurement)
 * @param durationNanos     the exact length of the iteration as the worker measured it
 * @param messagesSent      acknowledged sends
 * @param receivedInWindow  messages of any iteration received during this one (for the consume rate)
 * @param messagesLost      acknowledged messages of this iteration a subscription never received
 * @param messagesDuplicated extra deliveries of this iteration's messages to a subscription
 * @param messagesOutOfOrder deliveries behind a later message of the same producer and partition
 * @param scheduleDebt      messages due by the end of the iteration that were not sent yet
 * @param backlogAtStart    messages sent and not yet received (summed over subscriptions; with none, not
 *                          yet acknowledged) when the iteration began
 * @param backlogAtEnd      the same when it ended
 * @param messageSize       bytes per message, for the MB/s figures
 * @param latencies         nanosecond histograms; read-only by convention (writers never modify them)
 * @param periods           the report periods ({@code --report-interval}) the iteration was divided into, in
 *                          order; their counts add up to the iteration's
 * @param cpu               CPU the load generator used during the iteration: the worker JVM's and its client
 *                          processes' (agents); with {@code -prof gc}, {@code os} its JVM's and hosts' figures
 * @param broker            what the broker's own figures added up to in the iteration ({@code -prof broker}), or
 *                          null
 * @param longestStallNanos the longest time in the iteration with sends outstanding and none acknowledged (a broker
 *                          or network stall, not load)
 */
public record IterationResult(int index, boolean warmup, long startEpochNanos, long durationNanos,
                              long messagesSent, long publishErrors, long messagesReceived, long receivedInWindow,
                              long negativeLatencies, long messagesLost, long messagesDuplicated,
                              long messagesOutOfOrder, long scheduleDebt, long backlogAtStart,
                              long backlogAtEnd, int messageSize,
                              Map<LatencyMetric, Histogram> latencies, List<PeriodResult> periods, ProcessCpu cpu,
                              Readings broker, long longestStallNanos)
        implements MeasuredWindow, ProfiledWindow {
    public IterationResult {
        latencies = Map.copyOf(latencies);
        periods = List.copyOf(periods);
    }

    /** An iteration without a stall. */
    public IterationResult(int index, boolean warmup, long startEpochNanos, long durationNanos,
                           long messagesSent, long publishErrors, long messagesReceived, long receivedInWindow,
                           long negativeLatencies, long messagesLost, long messagesDuplicated,
                           long messagesOutOfOrder, long scheduleDebt, long backlogAtStart,
                           long backlogAtEnd, int messageSize,
                           Map<LatencyMetric, Histogram> latencies, List<PeriodResult> periods, ProcessCpu cpu,
                           Readings broker) {
        this(index, warmup, startEpochNanos, durationNanos, messagesSent, publishErrors, messagesReceived,
                receivedInWindow, negativeLatencies, messagesLost, messagesDuplicated, messagesOutOfOrder, scheduleDebt,
                backlogAtStart, backlogAtEnd, messageSize, latencies, periods, cpu, broker, 0);
    }

    public IterationResult(int index, boolean warmup, long startEpochNanos, long durationNanos,
                           long messagesSent, long publishErrors, long messagesReceived, long receivedInWindow,
                           long negativeLatencies, long messagesLost, long messagesDuplicated,
                           long messagesOutOfOrder, long scheduleDebt, long backlogAtStart,
                           long backlogAtEnd, int messageSize,
                           Map<LatencyMetric, Histogram> latencies, List<PeriodResult> periods, ProcessCpu cpu) {
        this(index, warmup, startEpochNanos, durationNanos, messagesSent, publishErrors, messagesReceived,
                receivedInWindow, negativeLatencies, messagesLost, messagesDuplicated, messagesOutOfOrder, scheduleDebt,
                backlogAtStart, backlogAtEnd, messageSize, latencies, periods, cpu, null);
    }

    public Histogram latency(LatencyMetric metric) {
        return latencies.get(metric);
    }
}
