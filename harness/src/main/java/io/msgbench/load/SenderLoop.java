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
    /** Wait while a message's in-flight slot is still taken by an unacknowledged one. */
    private static final long BACKPRESSURE_WAIT_NANOS = 50_000L;

    private final ScheduledProducer[] producers;
    private final EpochNanoClock clock;
    private final Sleeper sleeper;
    private volatile boolean running = true;

    public SenderLoop(List<ScheduledProducer> producers, EpochNanoClock clock, Sleeper sleeper) {
        this.producers = producers.toArray(new ScheduledProducer[0]);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Asks the loop to return after the send in progress, if any. */
    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            runOnce();
        }
    }

    /** Sends the earliest due message, waiting for its time or its in-flight slot first (one step). */
    void runOnce() {
        ScheduledProducer next = producers[0];
        long due = next.nextIntendedTime();
        for (int i = 1; i < producers.length; i++) {
            long t = producers[i].nextIntendedTime();
            if (t < due) {
                due = t;
                next = producers[i];
            }
        }
        long now = clock.epochNanos();
        if (due > now) {
            sleeper.sleepUntil(clock, Math.min(due, now + MAX_WAIT_NANOS));
            return;
        }
        if (!next.canSend()) {
            sleeper.sleepUntil(clock, now + BACKPRESSURE_WAIT_NANOS);
            return;
        }
        next.sendNext(due);
    }
}
