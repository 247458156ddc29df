package io.msgbench.report;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.metrics.Readings;
import io.msgbench.metrics.PhaseSnapshot;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One report period ({@code --report-interval}, OMB's 10-s stats period) of an iteration: what was recorded
 * between two moments for the messages the iteration sent, and the backlog at its end. The last period of an
 * iteration also holds what arrived for its messages after the iteration ended, so the periods of an
 * iteration add up to it exactly.
 *
 * @param receivedInWindow receptions (of any iteration's messages) during the period, over all subscriptions
 * @param backlog          messages sent and not yet received at the period's end
 * @param latencies        the period's latencies by metric, nanoseconds
 * @param cpu              what the load generator used in the period (its host too, {@code -prof os})
 * @param broker           what the broker's own figures added up to in the period ({@code -prof broker}), or null
 */
public record PeriodResult(long startEpochNanos, long durationNanos, long messagesSent, long publishErrors,
                           long receivedInWindow, long backlog, int messageSize,
                           Map<LatencyMetric, LatencySummary> latencies, ProcessCpu cpu, Readings broker)
        implements MeasuredWindow, ProfiledWindow {
    public PeriodResult {
        latencies = Map.copyOf(latencies);
        cpu = cpu == null ? ProcessCpu.NONE : cpu;
    }

    public PeriodResult(long startEpochNanos, long durationNanos, long messagesSent, long publishErrors,
                        long receivedInWindow, long backlog, int messageSize,
                        Map<LatencyMetric, LatencySummary> latencies) {
        this(startEpochNanos, durationNanos, messagesSent, publishErrors, receivedInWindow, backlog, messageSize,
                latencies, ProcessCpu.NONE, null);
    }

    /** The same with the profilers' figures of the period. */
    public PeriodResult profiled(ProcessCpu periodCpu, Readings periodBroker) {
        return new PeriodResult(startEpochNanos, durationNanos, messagesSent, publishErrors, receivedInWindow, backlog,
                messageSize, latencies, periodCpu, periodBroker);
    }

    /**
     * The period between two snapshots of one phase's cumulative statistics.
     *
     * @param before the snapshot at the period's start, or null at the phase's start (nothing recorded yet)
     * @param after  the snapshot at its end
     */
    public static PeriodResult between(long startEpochNanos, PhaseSnapshot before, long endEpochNanos,
                                       PhaseSnapshot after, long backlog, int messageSize) {
        Map<LatencyMetric, LatencySummary> latencies = new EnumMap<>(LatencyMetric.class);
        for (LatencyMetric m : LatencyMetric.values()) {
            Histogram h = after.histogram(m).copy();
            if (before != null) {
                h.subtract(before.histogram(m));
            }
            latencies.put(m, LatencySummary.of(h));
        }
        return new PeriodResult(startEpochNanos, endEpochNanos - startEpochNanos,
                after.messagesSent() - (before == null ? 0 : before.messagesSent()),
                after.publishErrors() - (before == null ? 0 : before.publishErrors()),
                after.receivedInWindow() - (before == null ? 0 : before.receivedInWindow()), backlog, messageSize,
                latencies);
    }

    public LatencySummary latency(LatencyMetric metric) {
        return latencies.get(metric);
    }
}
