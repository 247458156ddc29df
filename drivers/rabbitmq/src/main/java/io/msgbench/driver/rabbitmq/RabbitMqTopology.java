package io.msgbench.driver.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * How msgbench's topics map onto AMQP (OMB's topology, with partitions): a topic is a direct exchange, a partition a
 * routing key ({@code "0"}, {@code "1"}, ...), a subscription one queue per partition bound by that key; the
 * consumers of a subscription all consume every queue of it, so RabbitMQ shares each queue's messages among them.
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
