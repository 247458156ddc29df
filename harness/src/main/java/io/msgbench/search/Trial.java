package io.msgbench.search;

import org.HdrHistogram.Histogram;

/**
 * What one trial of the maximum-rate search measured: a fixed target rate held for a while.
 *
 * @param targetRate     messages per second asked for
 * @param seconds        how long the trial lasted
 * @param sent           messages sent (acknowledged) by the trial
 * @param debtAtEnd      messages due by its end and not yet sent
 * @param backlogAtStart messages sent and not yet received (summed over subscriptions): the lowest seen
 *                       in the first fifth of the trial
 * @param backlogAtEnd   the same in its last fifth: a transient stall's spike does not count, consumers
 *                       that cannot keep up raise the floor
 * @param publishDelayP999Nanos the 99.9th percentile of send − intended over the trial's messages
 * @param latency        the objective's latency over the trial's messages received so far, or null
 */
public record Trial(double targetRate, double seconds, long sent, long debtAtEnd, long backlogAtStart,
                    long backlogAtEnd, long publishDelayP999Nanos, Histogram latency) {
    public double publishRate() {
        return sent / seconds;
    }

    public long backlogGrowth() {
        return backlogAtEnd - backlogAtStart;
    }
}
