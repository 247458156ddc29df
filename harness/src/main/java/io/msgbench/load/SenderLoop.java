package io.msgbench.load;

import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.Sleeper;
import java.util.List;

/**
 * One sender thread's work: the producers it owns, each on its own schedule, served earliest-due
 * first. Open loop: when behind, it sends everything that is due at once, each message stamped with
 * its own intended time, and never sleeps to hide lateness.
 *
 * <p>The producers sit in a min-heap keyed by the time each is next to be looked at (its next message's
 * intended time, or a little later while it waits for acknowledgements), so a step costs O(log n) whatever
 * the number of producers, not a scan of all of them. Keys are the loop's own; a rate change from outside
 * calls {@link #schedulesChanged()} so that the next step re-reads every producer's next due time.
 */
public final class SenderLoop implements Runnable {
    /** Longest single wait, so a stop request is seen promptly even at very low rates. */
    private static final long MAX_WAIT_NANOS = 10_000_000L;
    /** How long a due producer whose next in-flight slot is still taken steps aside for the others. */
    private static final long BACKPRESSURE_WAIT_NANOS = 50_000L;

    private final ScheduledProducer[] heap;
    private final long[] keys;
    private int size;
    private final EpochNanoClock clock;
    private final Sleeper sleeper;
    private volatile boolean running = true;
    private volatile boolean rescan;
    /** Messages intended after this time are not sent; the loop ends once none due before it is left. */
    private volatile long stopAtEpochNanos = Long.MAX_VALUE;
    /** After this time owed messages are no longer paid: the loop ends, what is still due stays unsent. */
    private volatile long payDeadlineEpochNanos = Long.MAX_VALUE;

    public SenderLoop(List<ScheduledProducer> producers, EpochNanoClock clock, Sleeper sleeper) {
        this.heap = producers.toArray(new ScheduledProducer[0]);
        this.keys = new long[heap.length];
        this.size = heap.length;
        this.clock = clock;
        this.sleeper = sleeper;
        rebuild();
    }

    /** A producer's schedule was changed from another thread: the next step re-reads every due time. */
    public void schedulesChanged() {
        rescan = true;
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
     * One step: sends the earliest due message if its producer has a free in-flight slot (else that producer
     * steps aside briefly), or waits for the next due time, or ends the loop when the schedule is finished.
     * {@link #run()} repeats it; public for benchmarks of the sender's step.
     */
    public void runOnce() {
        if (rescan) {
            rescan = false;
            rebuild();
        }
        long now = clock.epochNanos();
        if (size == 0 || now > payDeadlineEpochNanos) {
            running = false;
            return;
        }
        ScheduledProducer top = heap[0];
        long due = top.nextIntendedTime();
        if (due > stopAtEpochNanos) {
            removeTop(); // its schedule is finished
            return;
        }
        long at = Math.max(due, keys[0]); // later than due only while it steps aside for acknowledgements
        if (at > now) {
            if (at != keys[0]) {
                rekeyTop(at);
                return;
            }
            sleeper.sleepUntil(clock, Math.min(at, now + MAX_WAIT_NANOS));
            return;
        }
        if (!top.canSend()) {
            // Waiting for acknowledgements must not hold up the others on this thread.
            rekeyTop(now + BACKPRESSURE_WAIT_NANOS);
            return;
        }
        top.sendNext(due);
        rekeyTop(top.nextIntendedTime());
    }

    private void rebuild() {
        for (int i = 0; i < size; i++) {
            keys[i] = heap[i].nextIntendedTime();
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void rekeyTop(long key) {
        keys[0] = key;
        siftDown(0);
    }

    private void removeTop() {
        size--;
        heap[0] = heap[size];
        keys[0] = keys[size];
        heap[size] = null;
        siftDown(0);
    }

    private void siftDown(int i) {
        ScheduledProducer p = heap[i];
        long key = keys[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            heap[i] = heap[child];
            keys[i] = keys[child];
            i = child;
        }
        heap[i] = p;
        keys[i] = key;
    }
}
