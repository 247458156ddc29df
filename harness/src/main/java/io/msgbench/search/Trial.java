package io.msgbench.search;

import org.HdrHistogram.Histogram;

/**
 * What one trial of the maximum-rate search measured: a fixed target rate held for a while.
 *
 * @param targetRate     messages per second asked for
 * @param seconds        how long the trial lasted
 * @param sent           messages sent (acknowledged) by the trial
 * @param debtAtEnd      messages due by its end and not yet sent
 * @param backlogAtStart messages sent and not yet received (summed over subscriptions) when it began
 * @param backlogAtEnd   the same when it ended
 * @param latency        the objective's latency over the trial's messages received so far, or null
 */
public record Trial(double targetRate, double seconds, long sent, long debtAtEnd, long backlogAtStart,
                    long backlogAtEnd, Histogram latency) {
    public double publishRate() {
        return sent / seconds;
    }

    public long backlogGrowth() {
        return backlogAtEnd - backlogAtStart;
    }
}
