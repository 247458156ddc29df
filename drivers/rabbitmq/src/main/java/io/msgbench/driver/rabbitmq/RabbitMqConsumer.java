package io.msgbench.driver.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.MessageListener;
import io.msgbench.metrics.EpochNanoClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A consumer of one subscription: one channel (its deliveries come one at a time, in order per queue) consuming
 * every partition queue of the subscription, acknowledging each message after the listener saw it (manual acks:
 * a message is never lost to the consumer's crash). Pausing cancels the consumption; the queues keep what arrives.
 */
final class RabbitMqConsumer implements ConsumerHandle {
    private final Channel channel;
    private final List<String> queues;
    private final MessageListener listener;
    private final EpochNanoClock clock;
    private final List<String> tags = new ArrayList<>();
    private volatile Exception failure;
    private volatile boolean closing;

    RabbitMqConsumer(Channel channel, List<String> queues, int prefetch, MessageListener listener, EpochNanoClock clock)
            throws IOException {
        this.channel = channel;
        this.queues = List.copyOf(queues);
        this.listener = listener;
        this.clock = clock;
        channel.basicQos(prefetch);
        channel.addShutdownListener(cause -> {
            if (!closing && !cause.isInitiatedByApplication()) {
                failure = cause;
            }
        });
        consume();
    }

    private synchronized void consume() throws IOException {
        for (int p = 0; p < queues.size(); p++) {
            int partition = p;
            tags.add(channel.basicConsume(queues.get(p), false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                                           byte[] body) throws IOException {
                    listener.onMessage(partition, body, clock.epochNanos());
                    channel.basicAck(envelope.getDeliveryTag(), false);
                }
            }));
        }
    }

    @Override
    public boolean awaitAssignment(Duration timeout) {
        return true; // the queues are bound and consumed once this exists
    }

    @Override
    public synchronized void pause() {
        try {
            for (String tag : tags) {
                channel.basicCancel(tag);
            }
            tags.clear();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    @Override
    public synchronized void resume() {
        if (!tags.isEmpty()) {
            return;
        }
        try {
            consume();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    @Override
    public Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        closing = true;
        try {
            channel.close();
        } catch (IOException | TimeoutException | RuntimeException e) {
            // the connection is going anyway
        }
    }
}
