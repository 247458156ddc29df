package io.msgbench.driver;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A consumer's pause, asked for by any thread and applied by the thread that polls (the one that owns the client):
 * {@link #request} returns once the poll thread has followed it, so no message reaches the listener after a pause
 * returns ({@link ConsumerHandle#pause()}). Bounded: a poll thread that died or hangs does not hold the caller.
 */
public final class PauseSwitch {
    /** How long a request waits for the poll thread (a poll takes at most ~100 ms in every driver). */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private volatile boolean requested;
    private volatile boolean applied;

    /** Asks for {@code paused} and waits until the poll thread applied it, while {@code pollThread} lives. */
    public void request(boolean paused, Thread pollThread) {
        requested = paused;
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (applied != paused && pollThread.isAlive() && System.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Poll thread, before each poll: what it must follow now. */
    public boolean requested() {
        return requested;
    }

    /** Poll thread: what it follows (as last {@link #applied(boolean) applied}). */
    public boolean applied() {
        return applied;
    }

    /** Poll thread: {@code paused} is in effect from now on. */
    public void applied(boolean paused) {
        applied = paused;
    }
}
