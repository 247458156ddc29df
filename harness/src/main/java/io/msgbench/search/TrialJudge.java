package io.msgbench.search;

import io.msgbench.metrics.HealthyRunAllowance;
import java.util.Locale;

/**
 * Decides whether a trial's rate was sustained: the schedule kept (no debt at the end beyond a stall's
 * worth, and the publish delay's p99 within the same allowance, so a stall mid-trial counts too), the
 * consumers kept up (the backlog did not grow), and the latency objective met when there is one. The
 * acknowledged count is no criterion: right after a trial, up to a publish latency's worth of its sends
 * are still in flight, and they count in the backlog (sent, not received) instead.
 *
 * <p>The allowances are {@link HealthyRunAllowance}'s: consumers short by less than its shortfall pass one
 * trial, and must then pass the two confirmations too.
 */
public final class TrialJudge {

    private final RateObjective objective;

    /** @param objective the latency objective, or null for none */
    public TrialJudge(RateObjective objective) {
        this.objective = objective;
    }

    /**
     * What decided a verdict. Only {@link #OVERLOAD} is unmistakable from one trial; the others (a stall the
     * producers caught up from, consumers or an objective narrowly missed) may be a transient disturbance of
     * a shared machine, so the search repeats such a trial before it lets the failure bound the rate.
     */
    public enum Cause {
        /** Sustained: schedule kept, consumers kept up, objective met. */
        SUSTAINED,
        /** The producers ended the trial behind by more than a tenth of its schedule: sustained overload. */
        OVERLOAD,
        /** Behind at some point (debt at the end beyond a stall's worth, or a publish-delay tail), not by much. */
        STALL,
        /** The backlog's floor grew. */
        CONSUMERS_BEHIND,
        /** The latency objective was missed or could not be shown. */
        OBJECTIVE
    }

    /** A verdict and, when the rate was not sustained, why, in words a user reads in the search log. */
    public record Verdict(Cause cause, String reason) {
        public boolean sustained() {
            return cause == Cause.SUSTAINED;
        }

        /** A failure one trial proves: the search need not repeat it. */
        public boolean unmistakable() {
            return cause == Cause.OVERLOAD;
        }
    }

    public Verdict judge(Trial t) {
        double rate = t.targetRate();
        long debtAllowed = HealthyRunAllowance.debt(rate);
        // Debt is forgotten between trials, so at the end it is what this trial's schedule could not send.
        long overloadDebt = Math.round((1 - HealthyRunAllowance.REACHED_SHARE) * rate * t.seconds());
        if (t.debtAtEnd() > Math.max(debtAllowed, overloadDebt)) {
            return new Verdict(Cause.OVERLOAD, String.format(Locale.ROOT, "overload: generator behind by %,d messages "
                    + "at the end, more than a tenth of the trial's schedule", t.debtAtEnd()));
        }
        if (t.debtAtEnd() > debtAllowed) {
            return new Verdict(Cause.STALL, String.format(Locale.ROOT, "stall: generator behind, %,d messages due and "
                    + "unsent at the end (allowed %,d)", t.debtAtEnd(), debtAllowed));
        }
        if (t.publishDelayP999Nanos() > HealthyRunAllowance.publishDelayLimitNanos()) {
            return new Verdict(Cause.STALL, String.format(Locale.ROOT, "stall: generator behind and caught up, publish "
                    + "delay p99.9 %.1f ms (allowed %.0f ms)", t.publishDelayP999Nanos() / 1e6,
                    HealthyRunAllowance.publishDelayLimitNanos() / 1e6));
        }
        long growthAllowed = HealthyRunAllowance.backlogGrowth(rate, t.seconds());
        if (t.backlogGrowth() > growthAllowed) {
            return new Verdict(Cause.CONSUMERS_BEHIND, String.format(Locale.ROOT, "consumers behind: backlog grew by %,d (allowed %,d)",
                    t.backlogGrowth(), growthAllowed));
        }
        if (objective != null && t.latency() != null) {
            long count = t.latency().getTotalCount();
            // Messages not received yet are slower than any received one: if they alone exceed the
            // share above the percentile, the objective cannot be shown to hold.
            if (t.backlogAtEnd() > (1 - objective.percentile() / 100) * (count + t.backlogAtEnd())) {
                return new Verdict(Cause.OBJECTIVE, String.format(Locale.ROOT, "objective %s not shown: %,d of %,d messages "
                        + "not received at the end", objective, t.backlogAtEnd(), count + t.backlogAtEnd()));
            }
            long value = objective.percentile() >= 100 ? t.latency().getMaxValue()
                    : t.latency().getValueAtPercentile(objective.percentile());
            if (count == 0 || value >= objective.limitNanos()) {
                return new Verdict(Cause.OBJECTIVE, String.format(Locale.ROOT, "objective %s missed: %.3f ms", objective,
                        value / 1e6));
            }
            return new Verdict(Cause.SUSTAINED, String.format(Locale.ROOT, "sustained, objective met: %.3f ms", value / 1e6));
        }
        return new Verdict(Cause.SUSTAINED, "sustained");
    }
}
