package io.msgbench.driver.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.NamedSettingsDriver;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.metrics.EpochNanoClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HiveMQ driver for MQTT 5: a client per producer and per consumer, and one for topic bookkeeping. Topology:
 * {@link MqttTopology}. MQTT keeps no topics, so a topic's partition count is a retained message on
 * {@code <prefix>-meta/<topic>/partitions} (outside the run's topics' filter), which a worker that did not create the
 * topic reads and topic deletion clears. End-to-end latency comes from the harness's stamp in the payload (OMB's
 * driver sends milliseconds in a user property).
 */
final class MqttDriver extends NamedSettingsDriver {
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final long ADMIN_SECONDS = 10;

    private MqttAddress address;
    private Mqtt5AsyncClient admin;
    private MqttQos producerQos;
    private String prefix;
    private MqttConsumerSettings consumerSettings;
    private EpochNanoClock clock;

    MqttDriver(MqttDriverFactory factory) {
        super(factory);
    }

    @Override
    protected EffectiveClientConfig start(DriverContext context, EffectiveClientConfig config) {
        producerQos = MqttQos.fromCode(Integer.parseInt(config.producer().get(MqttDriverFactory.QOS)));
        prefix = config.producer().get(MqttDriverFactory.TOPIC_PREFIX);
        consumerSettings = MqttConsumerSettings.of(config.consumer());
        clock = context.clock();
        address = MqttAddress.parse(context.bootstrapServers());
        admin = address.client(identifier("admin"), ignored -> { });
        await(admin.connect(), "connect to the MQTT broker at " + address.display());
        return config;
    }

    private static String identifier(String role) {
        return "msgbench-" + role + "-" + ProcessHandle.current().pid() + "-" + CLIENTS.incrementAndGet();
    }

    private static <T> T await(CompletableFuture<T> f, String what) {
        try {
            return f.get(ADMIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot " + what + ": " + cause.getMessage(), e);
        }
    }

    private String metaTopic(String topic) {
        return prefix + "-meta/" + topic + "/partitions";
    }

    @Override
    public void createTopics(List<String> topics, int partitionCount, Duration timeout) {
        for (String topic : topics) {
            await(admin.publish(Mqtt5Publish.builder().topic(metaTopic(topic)).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload(Integer.toString(partitionCount).getBytes(StandardCharsets.UTF_8)).build()),
                    "record the partitions of " + topic);
            created(topic, partitionCount);
        }
    }

    /** Clears each topic's retained partition count; the broker keeps nothing else of a topic. */
    @Override
    public void deleteTopics(List<String> topics, Duration timeout) {
        for (String topic : topics) {
            try {
                await(admin.publish(Mqtt5Publish.builder().topic(metaTopic(topic)).qos(MqttQos.AT_LEAST_ONCE)
                        .retain(true).build()), "clear the partitions of " + topic);
            } catch (RuntimeException e) {
                // reported by the caller's clean-up as a topic left behind is harmless here
            }
        }
    }

    /** The partitions of a topic another worker created: the retained count. */
    @Override
    protected int partitionsOnServers(String t) {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        Mqtt5AsyncClient reader = address.client(identifier("meta"), ignored -> { });
        try {
            await(reader.connect(), "connect to the MQTT broker at " + address.display());
            await(reader.subscribe(Mqtt5Subscribe.builder().topicFilter(metaTopic(t)).qos(MqttQos.AT_LEAST_ONCE)
                    .build(), p -> count.complete(Integer.parseInt(new String(p.getPayloadAsBytes(),
                    StandardCharsets.UTF_8)))), "read the partitions of " + t);
            return await(count, "read the partitions of " + t + " (no retained count on " + metaTopic(t) + ")");
        } finally {
            MqttConsumer.disconnect(reader);
        }
    }

    @Override
    public ProducerHandle createProducer(String topic, int maxInFlight) {
        Mqtt5AsyncClient client = address.client(identifier("producer"), ignored -> { });
        await(client.connect(), "connect a producer to the MQTT broker at " + address.display());
        MqttProducer p = new MqttProducer(client, MqttTopology.topics(prefix, topic, partitionsOf(topic)), producerQos,
                maxInFlight);
        made(p);
        return p;
    }

    @Override
    public ConsumerHandle createConsumer(String topic, String subscription, MessageListener listener) {
        partitionsOf(topic); // the topic exists
        try {
            MqttConsumer c = new MqttConsumer(address, identifier(subscription), consumerSettings,
                    MqttTopology.sharedFilter(prefix, topic, subscription), listener, clock);
            made(c);
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while subscribing to " + topic, e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot subscribe " + subscription + " to " + topic + ": "
                    + cause.getMessage(), e);
        }
    }

    @Override
    protected void closeConnections() {
        if (admin != null) {
            MqttConsumer.disconnect(admin);
        }
    }
}
