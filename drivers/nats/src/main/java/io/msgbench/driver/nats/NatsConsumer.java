package io.msgbench.driver.nats;

import io.msgbench.driver.MessageListener;
import io.msgbench.driver.PollingConsumer;
import io.msgbench.metrics.EpochNanoClock;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;

/**
 * A consumer of one subscription: a thread of its own pulling from the subscription's durable consumer, one fetch
 * of up to {@value #BATCH} messages (or {@value #EXPIRES_MILLIS} ms) per poll; each message goes to the listener as
 * soon as it arrives, then is acknowledged (explicit acks: a message is never lost to the consumer's crash). A pause
 * takes effect between fetches, within about a second, so what waits stays on the server.
 */
final class NatsConsumer extends PollingConsumer {
    private static final int BATCH = 500;
    /** The shortest fetch jnats allows: it bounds how long a pause or a close waits. */
    private static final long EXPIRES_MILLIS = 1_000;
    private static final FetchConsumeOptions FETCH = FetchConsumeOptions.builder().maxMessages(BATCH)
            .expiresIn(EXPIRES_MILLIS).build();

    private final ConsumerContext durable;
    private final MessageListener listener;
    private final EpochNanoClock clock;

    NatsConsumer(String subscription, ConsumerContext durable, MessageListener listener, EpochNanoClock clock) {
        super("msgbench-consumer-" + subscription);
        this.durable = durable;
        this.listener = listener;
        this.clock = clock;
        start();
    }

    /** One fetch, to its end: its batch came, or it expired. */
    @Override
    protected void poll() throws Exception {
        try (FetchConsumer fetch = durable.fetch(FETCH)) {
            Message m;
            while ((m = fetch.nextMessage()) != null) {
                listener.onMessage(NatsTopology.partition(m.getSubject()), m.getData(), clock.epochNanos());
                m.ack();
            }
        }
    }
}
