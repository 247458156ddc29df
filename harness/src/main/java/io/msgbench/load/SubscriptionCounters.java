package io.msgbench.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the consumers of one subscription received, shared by them: readiness probes, counted messages
 * and messages that were not ours. The drain compares {@link #received()} with what the topic's
 * producers had acknowledged, subscription by subscription.
 */
public final class SubscriptionCounters {
    private final String topic;
    private final String subscription;
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong unrecognised = new AtomicLong();

    public SubscriptionCounters(String topic, String subscription) {
        this.topic = topic;
        this.subscription = subscription;
    }

    public String topic() {
        return topic;
    }

    public String subscription() {
        return subscription;
    }

    void probeReceived() {
        probes.incrementAndGet();
    }

    void messageReceived() {
        received.incrementAndGet();
    }

    void unrecognisedReceived() {
        unrecognised.incrementAndGet();
    }

    /** Readiness probes received. */
    public long probes() {
        return probes.get();
    }

    /** Counted messages received (any phase). */
    public long received() {
        return received.get();
    }

    /** Messages without a msgbench stamp or with an unknown phase: not ours, or corrupted. */
    public long unrecognised() {
        return unrecognised.get();
    }
}
