package io.msgbench.driver.nats;

import io.msgbench.driver.MessageListener;
import io.msgbench.driver.PollingConsumer;
import io.msgbench.metrics.EpochNanoClock;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of one subscription: a thread of its own reading the subscription's durable consumer through one
 * continuous pull ({@link IterableConsumer}: jnats asks for the next batch of up to {@value #BATCH} before the last
 * runs out); each message goes to the listener as soon as it arrives, then is acknowledged (explicit acks: a message
 * is never lost to the consumer's crash). Repeated fetches were not used: a message the server sent as a fetch
 * expired reached a subscription already closed, was dropped by the client, and came back only after the ack wait,
 * after the drain had counted it lost. A pause stops the pull, and what it had pulled still reaches the listener
 * before the pause takes effect, within about a second (the last pull's expiry); what arrives later waits on the
 * server.
 */
final class NatsConsumer extends PollingConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(NatsConsumer.class);
    private static final int BATCH = 500;
    /** The shortest pull jnats allows: it bounds how long a pause waits for the last pull to end. */
    private static final long EXPIRES_MILLIS = 1_000;
    private static final ConsumeOptions CONSUME = ConsumeOptions.builder().batchSize(BATCH)
            .expiresIn(EXPIRES_MILLIS).build();
    /** How long one poll waits for a message: it bounds how long a pause or a close waits to be seen. */
    private static final long NEXT_MILLIS = 100;
    /** A pull that does not end within this is abandoned (closed) by a pause: its messages wait on the server. */
    private static final long FINISH_MILLIS = 5 * EXPIRES_MILLIS;

    private final ConsumerContext durable;
    private final MessageListener listener;
    private final EpochNanoClock clock;
    /** The continuous pull while not paused; the poll thread's alone (and the closer's once it ended). */
    private IterableConsumer pulling;

    NatsConsumer(String subscription, ConsumerContext durable, MessageListener listener, EpochNanoClock clock) {
        super("msgbench-consumer-" + subscription);
        this.durable = durable;
        this.listener = listener;
        this.clock = clock;
        start();
    }

    /** The next message, if one comes within {@value #NEXT_MILLIS} ms. */
    @Override
    protected void poll() throws Exception {
        if (pulling == null) {
            pulling = durable.iterate(CONSUME);
        }
        deliver(pulling.nextMessage(NEXT_MILLIS));
    }

    /** No more pulls; what was pulled goes to the listener until the last pull ended. */
    @Override
    protected void pausing() throws Exception {
        if (pulling == null) {
            return;
        }
        pulling.stop();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FINISH_MILLIS);
        while (!pulling.isFinished() && System.nanoTime() < deadline) {
            deliver(pulling.nextMessage(NEXT_MILLIS));
        }
        closePull();
    }

    @Override
    protected void closeClient() {
        closePull();
    }

    private void deliver(Message m) {
        if (m != null) {
            listener.onMessage(NatsTopology.partition(m.getSubject()), m.getData(), clock.epochNanos());
            m.ack();
        }
    }

    private void closePull() {
        if (pulling != null) {
            try {
                pulling.stop();
                pulling.close();
            } catch (Exception e) {
                LOG.debug("Closing the pull: {}", e.toString());
            }
            pulling = null;
        }
    }
}
