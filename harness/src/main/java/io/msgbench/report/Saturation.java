package io.msgbench.report;

import io.msgbench.metrics.HealthyRunAllowance;
import io.msgbench.metrics.LatencyMetric;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A fixed rate the producers could not hold: OMB's {@code producerRate: 10000000} ("as fast as they go"), or
 * any rate above capacity. Such a run is a throughput measurement, not a failure (DESIGN §4): its headline is
 * the rate achieved, and the latencies measured from the intended send time only say how far behind an
 * unreachable schedule the producers fell.
 *
 * <p>The rule: every measurement iteration of every fork sent (acknowledged or failed) less than
 * {@link #REACHED_SHARE} of the messages its schedule made due during it, that is, the schedule debt grew by
 * more than a tenth of the schedule in each of them. A reachable rate that suffered a stall still sends its
 * owed messages in the next iteration (more than its share then); a stall in the last one (sends outstanding and
 * none acknowledged, which the worker watches for) is named as such when the time outside it held the schedule.
 *
 * @param scheduledRate msg/s asked for
 * @param achievedRate  msg/s acknowledged over the measurement (all forks' iterations)
 * @param unsent        messages due that were never sent because the load stopped (summed over forks)
 * @param sent          sends acknowledged over the measurement (all forks' iterations)
 * @param failed        sends that failed over the measurement
 * @param seconds       the measurement's length (all forks' iterations)
 * @param stalledSeconds the iterations' longest stalls (sends outstanding, none acknowledged), summed
 */
public record Saturation(double scheduledRate, double achievedRate, long unsent, long sent, long failed,
                         double seconds, double stalledSeconds) {
    public Saturation(double scheduledRate, double achievedRate, long unsent) {
        this(scheduledRate, achievedRate, unsent, 0, 0, 0, 0);
    }

    /** Share of its schedule an iteration must send for the rate to count as reachable. */
    public static final double REACHED_SHARE = HealthyRunAllowance.REACHED_SHARE;

    /** The latencies measured from the intended send time: dominated by an unreachable schedule. */
    public static final Set<LatencyMetric> SCHEDULE_DOMINATED = Set.of(LatencyMetric.PUBLISH_DELAY_LATENCY,
            LatencyMetric.PUBLISH_LATENCY_CORRECTED, LatencyMetric.END_TO_END_LATENCY_CORRECTED);

    /** True when {@code iteration} sent less than {@link #REACHED_SHARE} of what {@code rate} made due in it. */
    public static boolean fellShort(IterationResult iteration, double rate) {
        double due = rate * iteration.seconds();
        return due > 0 && iteration.messagesSent() + iteration.publishErrors() < REACHED_SHARE * due;
    }

    /**
     * The saturation of a fixed-rate scenario's forks, or null when the rate was reachable (or searched:
     * pass a rate of 0).
     */
    public static Saturation of(double rate, List<ForkResult> forks) {
        if (!(rate > 0)) {
            return null;
        }
        long sent = 0;
        long failed = 0;
        double seconds = 0;
        double stalled = 0;
        long unsent = 0;
        for (ForkResult f : forks) {
            if (f.measurement().isEmpty()) {
                return null;
            }
            for (IterationResult i : f.measurement()) {
                if (!fellShort(i, rate)) {
                    return null;
                }
                sent += i.messagesSent();
                failed += i.publishErrors();
                seconds += i.seconds();
                stalled += i.longestStallNanos() / 1e9;
            }
            unsent += f.drain().unsent();
        }
        return new Saturation(rate, sent / seconds, unsent, sent, failed, seconds, stalled);
    }

    /** Achieved share of the scheduled rate. */
    public double achievedShare() {
        return achievedRate / scheduledRate;
    }

    /**
     * Share of the sends that may fail before the schedule counts as lost to failures rather than to capacity (an
     * unthrottled run may see a few timeouts at saturation; a broker gone fails most sends).
     */
    public static final double FAILED_SHARE = 0.1;

    /** Whether failing sends, not the system's capacity, held the producers back. */
    public boolean lostToFailures() {
        return failed > 0 && failed >= FAILED_SHARE * (failed + sent);
    }

    /**
     * Whether a stall, not the system's capacity, held the producers back: stalls of at least
     * {@link HealthyRunAllowance#BROKER_STALL_SECONDS}, without which the producers sent at least
     * {@link #REACHED_SHARE} of the schedule in the rest of the time (a broker crashed and back, a network cut).
     */
    public boolean lostToStall() {
        double active = seconds - stalledSeconds;
        return stalledSeconds >= HealthyRunAllowance.BROKER_STALL_SECONDS
                && (active <= 0 || (sent + failed) / active >= REACHED_SHARE * scheduledRate);
    }

    /**
     * The one line that says so, for the console, the warnings and the reports. When most of the sends failed, the
     * schedule was lost to them (a broker gone or frozen, timeouts), not to the system's capacity: the line says that
     * instead.
     */
    public String describe() {
        if (lostToFailures()) {
            return String.format(Locale.ROOT, "schedule not held: the producers sent %s msg/s, %.1f %% of the %s msg/s "
                    + "asked, and %d sends failed: failing sends (the broker or the network, timeouts) held them back, "
                    + "not the system's capacity, so this is neither a latency nor a throughput measurement; %d messages "
                    + "due were never sent", Figures.number(achievedRate), 100 * achievedShare(),
                    Figures.number(scheduledRate), failed, unsent);
        }
        if (lostToStall()) {
            return String.format(Locale.ROOT, "schedule not held: the producers sent %s msg/s, %.1f %% of the %s msg/s "
                    + "asked, after %.1f s in which sends were outstanding and none was acknowledged: a stall (the broker or "
                    + "the network) held them back, not the system's capacity, so this is neither a latency nor a "
                    + "throughput measurement; %d messages due were never sent", Figures.number(achievedRate),
                    100 * achievedShare(), Figures.number(scheduledRate), stalledSeconds, unsent);
        }
        return String.format(Locale.ROOT, "schedule unreachable: the producers sent %s msg/s, %.1f %% of the %s msg/s "
                + "asked, so this is a throughput measurement (publish rate is the result); %d messages due were never "
                + "sent; latencies from the intended send time (publishDelayLatency, *Corrected) only measure the "
                + "falling behind and are left out", Figures.number(achievedRate), 100 * achievedShare(),
                Figures.number(scheduledRate), unsent);
    }
}
