package io.msgbench.driver;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A producer's sends not yet completed, for clients that write each send on their own and have no flush that waits
 * for acknowledgements (jnats, Lettuce, HiveMQ): {@link ProducerHandle#flush()} waits, bounded, until none is left.
 */
public final class InFlight {
    private static final Duration FLUSH_BOUND = Duration.ofSeconds(30);

    private final AtomicInteger count = new AtomicInteger();

    public void sent() {
        count.incrementAndGet();
    }

    public void completed() {
        count.decrementAndGet();
    }

    /** Waits until every send completed, at most 30 s: sends still open then stay in flight, and the drain says so. */
    public void awaitNone() {
        long deadline = System.nanoTime() + FLUSH_BOUND.toNanos();
        while (count.get() > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
