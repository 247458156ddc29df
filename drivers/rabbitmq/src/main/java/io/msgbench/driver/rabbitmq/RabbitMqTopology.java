package io.msgbench.driver.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How msgbench's topics map onto AMQP (OMB's topology, with partitions): a topic is a direct exchange, a partition a
 * routing key ({@code "0"}, {@code "1"}, ...), a subscription one queue per partition bound by that key; the
 * consumers of a subscription all consume every queue of it, so RabbitMQ shares each queue's messages among them.
 * The partition count waits in a queue of its own, so a worker that did not create the topic finds it.
 */
final class RabbitMqTopology {
    private RabbitMqTopology() {
    }

    static String[] routingKeys(int partitions) {
        String[] keys = new String[partitions];
        for (int p = 0; p < partitions; p++) {
            keys[p] = Integer.toString(p);
        }
        return keys;
    }

    /** A queue holding one message, the topic's partition count, for workers that did not create the topic. */
    static String partitionsQueue(String topic) {
        return topic + ".msgbench-partitions";
    }

    /** Records the partition count in the topic's partitions queue, confirmed by the broker. */
    static void recordPartitions(Connection connection, String topic, int partitions)
            throws IOException, TimeoutException, InterruptedException {
        try (Channel ch = connection.createChannel()) {
            String queue = partitionsQueue(topic);
            ch.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "classic"));
            ch.queuePurge(queue);
            ch.confirmSelect();
            ch.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC,
                    Integer.toString(partitions).getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /**
     * Reads the topic's partition count without taking it (the message goes back at once; a reader that finds it
     * taken by another tries again, for up to 10 s).
     *
     * @throws IOException when the topic has no partitions queue
     */
    static int readPartitions(Connection connection, String topic) throws IOException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // a channel of its own: a missing queue closes the channel that asks
        try (Channel ch = connection.createChannel()) {
            while (true) {
                GetResponse r = ch.basicGet(partitionsQueue(topic), false);
                if (r != null) {
                    ch.basicReject(r.getEnvelope().getDeliveryTag(), true);
                    return Integer.parseInt(new String(r.getBody(), StandardCharsets.UTF_8));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("its partitions queue stayed empty for 10 s");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    static void declareTopic(Channel channel, String topic) throws IOException {
        channel.exchangeDeclare(topic, BuiltinExchangeType.DIRECT, true, false, null);
    }

    /** The queue of {@code subscription} for {@code partition}, declared (idempotent) and bound. */
    static String declareQueue(Channel channel, String topic, String subscription, int partition, String queueType)
            throws IOException {
        String queue = topic + "." + subscription + "." + partition;
        channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", queueType));
        channel.queueBind(queue, topic, Integer.toString(partition));
        return queue;
    }
}
