package io.msgbench.driver;

import java.time.Duration;

/** A running consumer. */
public interface ConsumerHandle extends AutoCloseable {
    /**
     * Waits until the consumer owns partitions (or is otherwise ready to receive everything sent from
     * now on); false on timeout.
     */
    boolean awaitAssignment(Duration timeout) throws InterruptedException;

    /**
     * Stops handing messages to the listener while staying in its subscription, so the broker keeps what arrives: a
     * backlog builds (OMB's backlog test). Returns once the pause is in effect (no message reaches the listener
     * after it returns), waiting at most a few polls. Any thread.
     */
    void pause();

    /** Hands messages to the listener again, starting with what waited. Any thread. */
    void resume();

    /** Why the consumer stopped receiving on its own (its poll thread died), or {@code null} while it is well. */
    Exception failure();

    /** Stops polling and closes the client. */
    @Override
    void close();
}
