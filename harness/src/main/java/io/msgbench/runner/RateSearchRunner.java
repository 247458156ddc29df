package io.msgbench.runner;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.report.RateSearchResult;
import io.msgbench.search.MaxRateSearch;
import io.msgbench.search.RateObjective;
import io.msgbench.search.Trial;
import io.msgbench.search.TrialJudge;
import io.msgbench.worker.PhaseStats;
import io.msgbench.worker.Worker;
import io.msgbench.worker.Worker.OwedMessages;
import io.msgbench.worker.WorkerException;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs the maximum-rate search on a worker whose load is running: for each trial, switch to the
 * proposed rate (forgetting what the previous trial still owed), let the backlog settle, hold the rate
 * for one trial length in a phase of its own, judge it. Phases alternate settle, trial, settle, trial...
 */
final class RateSearchRunner {
    /** Trials at most: bracketing from 10,000 msg/s to 1 or 10M msg/s, bisection and confirmation fit. */
    static final int MAX_TRIALS = 30;
    static final double START_RATE = 10_000;
    /** A confirmation trial lasts this many trial lengths. */
    static final int CONFIRMATION_LENGTH = 3;
    /** Every settle lasts at least this, so the previous trial's in-flight messages are out of the way. */
    static final Duration MIN_SETTLE = Duration.ofMillis(1_000);
    /** A settle ends when the backlog is this many seconds of messages or fewer. */
    static final double SETTLED_BACKLOG_SECONDS = 0.050;
    private static final long POLL_NANOS = 100_000_000L;

    private final Pacer pacer;
    private final ConsoleReporter console;

    RateSearchRunner(Pacer pacer, ConsoleReporter console) {
        this.pacer = pacer;
        this.console = console;
    }

    /** Phases a search may use: a settle and a trial per trial, plus the settle before the measurement. */
    static int phases() {
        return 2 * MAX_TRIALS + 1;
    }

    /** What the search found, and the phase that is current (the settle at the found rate) when it returns. */
    record Outcome(RateSearchResult result, int currentPhase) {
    }

    /**
     * Searches, starting in phase 1 with the load already running at {@link #START_RATE}; returns with the
     * load running at the rate found and settled.
     *
     * @throws WorkerException when no rate could be confirmed (the message says why)
     */
    Outcome search(Worker worker, Duration trialTime, RateObjective objective, LatencyMetric primary) {
        MaxRateSearch search = new MaxRateSearch(START_RATE, MAX_TRIALS);
        TrialJudge judge = new TrialJudge(objective);
        int phase = 1;
        console.line(String.format(Locale.ROOT, "# Maximum-rate search: trials of %s (confirmations %s), at most %d%s",
                TimeValues.format(trialTime), TimeValues.format(trialTime.multipliedBy(CONFIRMATION_LENGTH)), MAX_TRIALS, objective == null ? "" : ", objective " + objective));
        while (!search.isDone()) {
            double rate = search.nextRate();
            if (phase > 1) {
                worker.adjustRate(rate, OwedMessages.FORGET);
                settle(worker, phase, rate, trialTime);
            } else {
                // The first settle doubles as the JVMs' warmup (JIT, connections, fetch sessions): a whole
                // trial length at the start rate, so the first verdict is not a cold start's.
                pacer.sleepUntil(pacer.now() + Math.max(MIN_SETTLE.toNanos(), trialTime.toNanos()));
                settle(worker, phase, rate, trialTime);
            }
            // A confirmation holds the rate longer, to meet the stalls a short trial misses (GC, page-cache
            // writeback, segment rolls).
            Duration hold = search.nextStage() == MaxRateSearch.Stage.CONFIRM
                    ? trialTime.multipliedBy(CONFIRMATION_LENGTH) : trialTime;
            long start = worker.beginPhase(phase + 1);
            BacklogFloor floor = holdWatchingBacklog(worker, start, hold);
            worker.beginPhase(phase + 2);
            PhaseStats held = worker.phaseStats(phase + 1);
            Trial trial = new Trial(rate, held.durationNanos(0) / 1e9, held.snapshot().messagesSent(),
                    held.scheduleDebt(), floor.first(), floor.last(),
                    held.snapshot().histogram(LatencyMetric.PUBLISH_DELAY_LATENCY).getValueAtPercentile(99),
                    objective == null ? null : held.snapshot().histogram(objective.metricOr(primary)));
            TrialJudge.Verdict verdict = judge.judge(trial);
            console.line(String.format(Locale.ROOT, "Search    %3d: %-7s %,12.0f msg/s -> pub %,.0f msg/s, debt %,d, "
                            + "backlog %+,d: %s", search.log().size() + 1, search.nextStage().name().toLowerCase(Locale.ROOT),
                    rate, trial.publishRate(), trial.debtAtEnd(), trial.backlogGrowth(), verdict.reason()));
            search.record(trial, verdict);
            phase += 2;
        }
        if (search.result().isEmpty()) {
            throw new WorkerException("The maximum-rate search found no sustainable rate: " + search.failure());
        }
        double found = search.result().getAsDouble();
        console.line(String.format(Locale.ROOT, "# Maximum sustainable rate: %,.0f msg/s (%d trials); measuring it",
                found, search.log().size()));
        worker.adjustRate(found, OwedMessages.FORGET);
        settle(worker, phase, found, trialTime);
        return new Outcome(new RateSearchResult(found, objective == null ? null : objective.toString(), search.log()),
                phase);
    }

    /** The lowest backlog in the first and in the last fifth of a trial. */
    private record BacklogFloor(long first, long last) {
    }

    /** Holds the rate until {@code start + hold}, sampling the backlog every {@link #POLL_NANOS}. */
    private BacklogFloor holdWatchingBacklog(Worker worker, long start, Duration hold) {
        long end = start + hold.toNanos();
        long window = hold.toNanos() / 5;
        long first = Long.MAX_VALUE;
        long last = Long.MAX_VALUE;
        while (true) {
            long now = pacer.now();
            long backlog = worker.backlog();
            if (now - start <= window) {
                first = Math.min(first, backlog);
            }
            if (now >= end - window) {
                last = Math.min(last, backlog);
            }
            if (now >= end) {
                return new BacklogFloor(first == Long.MAX_VALUE ? backlog : first, last);
            }
            pacer.sleepUntil(Math.min(end, now + POLL_NANOS));
        }
    }

    /**
     * Waits in the current (settle) phase until the backlog is down to {@link #SETTLED_BACKLOG_SECONDS}
     * of messages, at least {@link #MIN_SETTLE} and at most one trial length (the trial then judges a
     * shrinking backlog, which is no failure).
     */
    private void settle(Worker worker, int phase, double rate, Duration trialTime) {
        long start = pacer.now();
        pacer.sleepUntil(start + MIN_SETTLE.toNanos());
        long deadline = start + Math.max(MIN_SETTLE.toNanos(), trialTime.toNanos());
        long settled = 1 + (long) (rate * SETTLED_BACKLOG_SECONDS);
        while (pacer.now() < deadline && worker.backlog() > settled) {
            pacer.sleepUntil(Math.min(deadline, pacer.now() + POLL_NANOS));
        }
    }
}
