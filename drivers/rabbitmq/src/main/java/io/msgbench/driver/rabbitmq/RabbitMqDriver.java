package io.msgbench.driver.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.msgbench.driver.Closing;
import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.NamedSettingsDriver;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.metrics.EpochNanoClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The amqp-client driver: one connection for producers and topic administration, one for consumers (so that a
 * publisher held back by the broker's flow control does not hold back deliveries), a channel per producer and per
 * consumer. Topology: {@link RabbitMqTopology}. End-to-end latency comes from the harness's stamp in the payload,
 * never from AMQP's {@code timestamp} property (whole seconds).
 */
final class RabbitMqDriver extends NamedSettingsDriver {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitMqDriver.class);

    private final Map<String, List<String>> queuesByTopic = new ConcurrentHashMap<>();
    private Connection publishing;
    private Connection consuming;
    private Channel admin;
    private boolean persistent;
    private int prefetch;
    private String queueType;
    private EpochNanoClock clock;

    RabbitMqDriver(RabbitMqDriverFactory factory) {
        super(factory);
    }

    @Override
    protected EffectiveClientConfig start(DriverContext context, EffectiveClientConfig config) {
        Map<String, String> producer = config.producer();
        Map<String, String> consumer = config.consumer();
        persistent = Boolean.parseBoolean(producer.get(RabbitMqDriverFactory.PERSISTENCE));
        prefetch = Integer.parseInt(consumer.get(RabbitMqDriverFactory.PREFETCH));
        queueType = consumer.get(RabbitMqDriverFactory.QUEUE_TYPE);
        clock = context.clock();
        try {
            var factory = RabbitMqAddress.factory(context.bootstrapServers());
            publishing = factory.newConnection("msgbench-producers");
            consuming = factory.newConnection("msgbench-consumers");
            admin = publishing.createChannel();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Cannot connect to RabbitMQ at " + context.bootstrapServers() + ": "
                    + e.getMessage(), e);
        }
        return config;
    }

    @Override
    public void createTopics(List<String> topics, int partitionCount, Duration timeout) {
        try {
            for (String topic : topics) {
                RabbitMqTopology.declareTopic(admin, topic);
                RabbitMqTopology.recordPartitions(publishing, topic, partitionCount);
                created(topic, partitionCount);
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Cannot declare the exchanges " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while declaring the exchanges " + topics, e);
        }
    }

    @Override
    public void deleteTopics(List<String> topics, Duration timeout) {
        for (String topic : topics) {
            try {
                for (String queue : queuesByTopic.getOrDefault(topic, List.of())) {
                    admin.queueDelete(queue);
                }
                queuesByTopic.remove(topic);
                admin.queueDelete(RabbitMqTopology.partitionsQueue(topic));
                admin.exchangeDelete(topic);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete exchange {} or its queues: {}", topic, e.toString());
            }
        }
    }

    /** The partitions of a topic another worker created: its partitions queue. */
    @Override
    protected int partitionsOnServers(String t) {
        try {
            return RabbitMqTopology.readPartitions(publishing, t);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("RabbitMQ topic " + t + " has no partition count ("
                    + RabbitMqTopology.partitionsQueue(t) + "): " + e.getMessage(), e);
        }
    }

    @Override
    public ProducerHandle createProducer(String topic, int maxInFlight) {
        try {
            RabbitMqProducer p = new RabbitMqProducer(publishing.createChannel(), topic, partitionsOf(topic),
                    persistent, maxInFlight);
            made(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a producer of " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ConsumerHandle createConsumer(String topic, String subscription, MessageListener listener) {
        try {
            Channel channel = consuming.createChannel();
            List<String> queues = new ArrayList<>();
            for (int p = 0; p < partitionsOf(topic); p++) {
                queues.add(RabbitMqTopology.declareQueue(channel, topic, subscription, p, queueType));
            }
            queuesByTopic.merge(topic, queues, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                b.stream().filter(q -> !all.contains(q)).forEach(all::add);
                return all;
            });
            RabbitMqConsumer c = new RabbitMqConsumer(channel, queues, prefetch, listener, clock);
            made(c);
            return c;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a consumer of " + topic + "/" + subscription + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Also deletes the subscription queues this driver declared whose topic another worker deleted (a scenario
     * spread over workers deletes its topics on one of them, which knows only its own consumers' queues).
     */
    @Override
    protected void closeConnections() {
        if (admin != null && admin.isOpen()) {
            queuesByTopic.values().forEach(queues -> queues.forEach(q -> {
                try {
                    admin.queueDelete(q);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not delete queue {}: {}", q, e.toString());
                }
            }));
        }
        Closing.all(java.util.Arrays.asList(bounded(publishing), bounded(consuming)));
    }

    /** Closing a connection waits for the broker's answer: 5 s at most. */
    private static AutoCloseable bounded(Connection c) {
        return c == null ? null : () -> c.close(5_000);
    }
}
