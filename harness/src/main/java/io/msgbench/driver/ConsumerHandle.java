package io.msgbench.driver;

import java.time.Duration;

/** A running consumer. */
public interface ConsumerHandle extends AutoCloseable {
    /**
     * Waits until the consumer owns partitions (or is otherwise ready to receive everything sent from
     * now on); false on timeout.
     */
    boolean awaitAssignment(Duration timeout) throws InterruptedException;

    /** Why the consumer stopped receiving on its own (its poll thread died), or {@code null} while it is well. */
    Exception failure();

    /** Stops polling and closes the client. */
    @Override
    void close();
}
