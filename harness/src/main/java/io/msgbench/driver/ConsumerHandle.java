package io.msgbench.driver;

import java.time.Duration;

/** A running consumer. */
public interface ConsumerHandle extends AutoCloseable {
    /**
     * Waits until the consumer owns partitions (or is otherwise ready to receive everything sent from
     * now on); false on timeout.
     */
    boolean awaitAssignment(Duration timeout) throws InterruptedException;

    /** Stops polling and closes the client. */
    @Override
    void close();
}
