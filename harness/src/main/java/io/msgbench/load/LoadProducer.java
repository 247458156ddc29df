package io.msgbench.load;

import io.msgbench.verification.ProducerSends;

/**
 * One producer under a rate schedule as its worker sees it, whatever drives it (the harness's sender threads, or
 * an agent process running a client the JVM cannot host): what it sent, what was acknowledged, how far behind its
 * schedule it is. Any thread may read it.
 */
public interface LoadProducer {
    int producerId();

    String topic();

    /** Messages handed to the client so far. */
    long issued();

    /** Sends acknowledged without error. */
    long acknowledged();

    /** Sends handed to the client whose completion has not arrived yet. */
    long inFlight();

    /** The rate of the current schedule segment, msg/s (0 before one started). */
    double scheduledRate();

    /** Messages due by {@code epochNanos} under the current schedule segment but not yet sent. */
    long scheduleDebt(long epochNanos);

    /** Intended time of the last message sent; read once the load has stopped. */
    long lastIntendedSent();

    /** When the last message was actually sent (epoch nanoseconds); read once the load has stopped. */
    long lastSendTime();

    /**
     * What this producer sent, phase by phase, and which sends failed; complete once the load has stopped and
     * nothing is in flight.
     */
    ProducerSends sends();
}
