package io.msgbench.load;

import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.Sleeper;
import java.util.List;

/**
 * One sender thread's work: the producers it owns, each on its own schedule, served earliest-due
 * first. Open loop: when behind, it sends everything that is due at once, each message stamped with
 * its own intended time, and never sleeps to hide lateness.
 */
public final class SenderLoop implements Runnable {
    /** Longest single wait, so a stop request is seen promptly even at very low rates. */
    private static final long MAX_WAIT_NANOS = 10_000_000L;
    /** Wait while every due producer's next in-flight slot is still taken by an unacknowledged send. */
    private static final long BACKPRESSURE_WAIT_NANOS = 50_000L;

    private final ScheduledProducer[] producers;
    private final EpochNanoClock clock;
    private final Sleeper sleeper;
    private volatile boolean running = true;
    /** Messages intended after this time are not sent; the loop ends once none due before it is left. */
    private volatile long stopAtEpochNanos = Long.MAX_VALUE;
    /** After this time owed messages are no longer paid: the loop ends, what is still due stays unsent. */
    private volatile long payDeadlineEpochNanos = Long.MAX_VALUE;

    public SenderLoop(List<ScheduledProducer> producers, EpochNanoClock clock, Sleeper sleeper) {
        this.producers = producers.toArray(new ScheduledProducer[0]);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Finishes the schedule at {@code epochNanos}: every message intended up to then is still sent (so a
     * generator that is behind pays its debt and the worst latencies are not dropped), then the loop ends;
     * but paying stops at {@code payDeadlineEpochNanos}, so a debt that cannot be paid (a rate above
     * capacity) never holds the stop up: what is still owed then is never sent.
     */
    public void stopAt(long epochNanos, long payDeadlineEpochNanos) {
        this.payDeadlineEpochNanos = payDeadlineEpochNanos;
        this.stopAtEpochNanos = epochNanos;
    }

    /** Ends the loop after the send in progress, owed messages or not. */
    public void stopNow() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            runOnce();
        }
    }

    /**
     * One step: sends the earliest due message among producers with a free in-flight slot, or waits for
     * the next due time (or a slot), or ends the loop when the schedule is finished.
     */
    void runOnce() {
        long now = clock.epochNanos();
        ScheduledProducer next = null;
        long due = Long.MAX_VALUE;
        long earliest = Long.MAX_VALUE;
        boolean blocked = false;
        for (ScheduledProducer p : producers) {
            long t = p.nextIntendedTime();
            earliest = Math.min(earliest, t);
            // A producer waiting for acknowledgements must not hold up the others on this thread.
            if (t <= now && !p.canSend()) {
                blocked = true;
            } else if (t < due) {
                due = t;
                next = p;
            }
        }
        if (earliest > stopAtEpochNanos || now > payDeadlineEpochNanos) {
            running = false;
            return;
        }
        if (next == null || due > stopAtEpochNanos) {
            sleeper.sleepUntil(clock, now + BACKPRESSURE_WAIT_NANOS);
            return;
        }
        if (due > now) {
            sleeper.sleepUntil(clock, Math.min(due, now + (blocked ? BACKPRESSURE_WAIT_NANOS : MAX_WAIT_NANOS)));
            return;
        }
        next.sendNext(due);
    }
}
