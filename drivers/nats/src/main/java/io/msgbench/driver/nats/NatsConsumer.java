package io.msgbench.driver.nats;

import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.PauseSwitch;
import io.msgbench.metrics.EpochNanoClock;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of one subscription: a thread of its own pulling from the subscription's durable consumer, one fetch
 * of up to {@value #BATCH} messages (or {@value #EXPIRES_MILLIS} ms) after another; each message goes to the
 * listener as soon as it arrives, then is acknowledged (explicit acks: a message is never lost to the consumer's
 * crash). A pause takes effect between fetches, within about a second, so what waits stays on the server.
 */
final class NatsConsumer implements ConsumerHandle {
    private static final Logger LOG = LoggerFactory.getLogger(NatsConsumer.class);
    private static final int BATCH = 500;
    /** The shortest fetch jnats allows: it bounds how long a pause or a close waits. */
    private static final long EXPIRES_MILLIS = 1_000;
    private static final long PAUSED_SLEEP_MILLIS = 10;
    private static final FetchConsumeOptions FETCH = FetchConsumeOptions.builder().maxMessages(BATCH)
            .expiresIn(EXPIRES_MILLIS).build();
    private static final long JOIN_MILLIS = 3_000;

    private final ConsumerContext durable;
    private final MessageListener listener;
    private final EpochNanoClock clock;
    private final PauseSwitch pause = new PauseSwitch();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    NatsConsumer(String subscription, ConsumerContext durable, MessageListener listener, EpochNanoClock clock) {
        this.durable = durable;
        this.listener = listener;
        this.clock = clock;
        this.thread = new Thread(this::pollLoop, "msgbench-consumer-" + subscription);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void pollLoop() {
        try {
            FetchConsumer fetch = null;
            while (running) {
                if (fetch == null) {
                    boolean paused = pause.requested();
                    pause.applied(paused);
                    if (paused) {
                        Thread.sleep(PAUSED_SLEEP_MILLIS);
                        continue;
                    }
                    fetch = durable.fetch(FETCH);
                }
                Message m = fetch.nextMessage();
                if (m == null) {
                    fetch.close();
                    fetch = null; // this fetch is done: its batch came, or it expired
                    continue;
                }
                listener.onMessage(NatsTopology.partition(m.getSubject()), m.getData(), clock.epochNanos());
                m.ack();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) {
                failure = e;
                LOG.error("NATS consumer stopped: {}", e.toString());
            }
        }
    }

    @Override
    public boolean awaitAssignment(Duration timeout) {
        return true; // the durable consumer exists and is pulled from once this exists
    }

    @Override
    public void pause() {
        pause.request(true, thread);
    }

    @Override
    public void resume() {
        pause.request(false, thread);
    }

    @Override
    public Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
