package io.msgbench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The maximum-rate search (DESIGN §6) as a state machine, free of time and I/O: it proposes the rate of
 * the next trial and learns from each verdict.
 *
 * <ol>
 *   <li><b>Bracket:</b> from the start rate, double while trials are sustained, halve while they are not,
 *       until one sustained rate and one failed rate enclose the answer.</li>
 *   <li><b>Bisect</b> geometrically (rates are a scale, not a line) until the failed rate is within
 *       {@link #PRECISION} of the sustained one.</li>
 *   <li><b>Confirm:</b> the candidate must be sustained in {@link #CONFIRMATIONS} trials in a row; when
 *       one fails, the candidate is lowered by the precision and confirmed again.</li>
 * </ol>
 * A failed bracket or bisection trial bounds the search only once it is confirmed: unless it was
 * unmistakable overload ({@link TrialJudge.Verdict#unmistakable()}), the same rate is tried again
 * ({@link Stage#RETRY}) and only a second failure counts. One transient stall (a segment deletion, a GC of the
 * broker on a shared machine) would otherwise cap the whole search, every later trial bisecting below it.
 * The number of trials is bounded by {@code maxTrials}; a search that runs out of trials before a
 * confirmation, or finds no rate sustained down to {@link #MIN_RATE}, ends without a result and says why.
 */
public final class MaxRateSearch {
    /** Bisection stops when the failed rate is within this fraction above the sustained one. */
    public static final double PRECISION = 0.05;
    public static final int CONFIRMATIONS = 2;
    /** Below this no search is meaningful (a trial would hold a handful of messages). */
    public static final double MIN_RATE = 10;
    /** Above this a rate is not believable from one load generator; the bracket stops growing. */
    public static final double MAX_RATE = 10_000_000;

    public enum Stage { BRACKET, BISECT, RETRY, CONFIRM }

    /** One trial as the search log shows it. */
    public record Step(int number, Stage stage, double rate, Trial trial, TrialJudge.Verdict verdict) {
    }

    private final int maxTrials;
    private final List<Step> log = new ArrayList<>();
    private double sustained; // highest rate sustained (0: none yet)
    private double failed = Double.POSITIVE_INFINITY; // lowest rate that failed
    private Stage stage = Stage.BRACKET;
    /** The stage a retry decides for. */
    private Stage retried;
    private double next;
    private int confirmations;
    private String outcome;
    private boolean done;

    public MaxRateSearch(double startRate, int maxTrials) {
        if (!(startRate >= MIN_RATE && startRate <= MAX_RATE)) {
            throw new IllegalArgumentException("start rate must be in [" + MIN_RATE + ", " + MAX_RATE + "], was " + startRate);
        }
        if (maxTrials < CONFIRMATIONS + 1) {
            throw new IllegalArgumentException("at least " + (CONFIRMATIONS + 1) + " trials, was " + maxTrials);
        }
        this.maxTrials = maxTrials;
        this.next = startRate;
    }

    public boolean isDone() {
        return done;
    }

    /** The stage and rate of the next trial. */
    public Stage nextStage() {
        requireRunning();
        return stage;
    }

    public double nextRate() {
        requireRunning();
        return next;
    }

    /** Learns the outcome of the trial at {@link #nextRate()}. */
    public void record(Trial trial, TrialJudge.Verdict verdict) {
        requireRunning();
        double rate = next;
        log.add(new Step(log.size() + 1, stage, rate, trial, verdict));
        if (!verdict.sustained() && !verdict.unmistakable() && (stage == Stage.BRACKET || stage == Stage.BISECT)) {
            retried = stage;
            stage = Stage.RETRY; // same rate again: its verdict decides
            finishIfOutOfTrials();
            return;
        }
        if (stage == Stage.RETRY) {
            stage = retried;
        }
        if (verdict.sustained()) {
            sustained = Math.max(sustained, rate);
        } else {
            failed = Math.min(failed, rate);
        }
        switch (stage) {
            case BRACKET -> afterBracket(rate, verdict.sustained());
            case BISECT -> afterBisect();
            case CONFIRM -> afterConfirm(rate, verdict.sustained());
            case RETRY -> throw new IllegalStateException("a retry resolves to the stage it repeats");
        }
        finishIfOutOfTrials();
    }

    private void finishIfOutOfTrials() {
        if (!done && log.size() >= maxTrials) {
            finish("no confirmed rate within " + maxTrials + " trials (last candidate "
                    + Math.round(next) + " msg/s)");
        }
    }

    private void afterBracket(double rate, boolean ok) {
        if (ok && failed == Double.POSITIVE_INFINITY) {
            if (rate >= MAX_RATE) {
                startConfirming(rate);
            } else {
                next = Math.min(MAX_RATE, rate * 2);
            }
        } else if (!ok && sustained == 0) {
            if (rate / 2 < MIN_RATE) {
                finish("no rate sustained down to " + Math.round(rate) + " msg/s");
            } else {
                next = Math.floor(rate / 2);
            }
        } else {
            afterBisect();
        }
    }

    private void afterBisect() {
        // Rates are whole messages per second: two neighbours are as close as a search can get.
        if (failed <= sustained * (1 + PRECISION) || failed - sustained <= 1) {
            startConfirming(sustained);
        } else {
            stage = Stage.BISECT;
            next = Math.max(sustained + 1, Math.floor(Math.sqrt(sustained * failed)));
        }
    }

    private void startConfirming(double candidate) {
        stage = Stage.CONFIRM;
        confirmations = 0;
        next = candidate;
    }

    private void afterConfirm(double rate, boolean ok) {
        if (ok) {
            if (++confirmations == CONFIRMATIONS) {
                finish(null);
            }
            return;
        }
        double lower = Math.floor(rate / (1 + PRECISION));
        if (lower < MIN_RATE) {
            finish("no rate sustained down to " + Math.round(rate) + " msg/s");
            return;
        }
        sustained = 0; // earlier successes above `lower` did not hold up
        startConfirming(lower);
    }

    private void finish(String failure) {
        done = true;
        outcome = failure;
    }

    /** The maximum sustainable rate, when the search confirmed one. */
    public OptionalDouble result() {
        return done && outcome == null ? OptionalDouble.of(next) : OptionalDouble.empty();
    }

    /** Why the search ended without a result, or null. */
    public String failure() {
        return outcome;
    }

    public List<Step> log() {
        return List.copyOf(log);
    }

    private void requireRunning() {
        if (done) {
            throw new IllegalStateException("the search is over");
        }
    }
}
