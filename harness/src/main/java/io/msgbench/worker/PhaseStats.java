package io.msgbench.worker;

import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.metrics.ProcessCpu;

/**
 * The statistics of one phase on one worker, with the exact interval it covered.
 *
 * @param startEpochNanos when the phase began (sends from then on were attributed to it)
 * @param endEpochNanos   when it ended, or 0 while it is still current
 * @param scheduleDebt    messages that were due by the end of the phase but not yet sent
 * @param backlog         messages sent but not yet received, summed over subscriptions (or, with none,
 *                        not yet acknowledged), at the end of the phase or now while it is current
 * @param snapshot        counters and latency histograms of the messages this phase sent
 * @param takenEpochNanos when the worker took these statistics (a report period ends there)
 * @param cpu             CPU the worker and its client processes used during the phase (so far)
 */
public record PhaseStats(int phase, long startEpochNanos, long endEpochNanos, long scheduleDebt,
                         long backlog, PhaseSnapshot snapshot, long takenEpochNanos, ProcessCpu cpu) {
    /** Length of the phase in nanoseconds, up to {@code nowEpochNanos} while it is still running. */
    public long durationNanos(long nowEpochNanos) {
        return (endEpochNanos == 0 ? nowEpochNanos : endEpochNanos) - startEpochNanos;
    }
}
