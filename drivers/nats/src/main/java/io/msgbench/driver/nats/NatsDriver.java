package io.msgbench.driver.nats;

import io.msgbench.driver.Closing;
import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.NamedSettingsDriver;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.metrics.EpochNanoClock;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jnats driver for JetStream: one connection for producers and stream administration, one for consumers (a
 * publisher held back by its outgoing queue does not hold back deliveries). Topology: {@link NatsTopology}.
 * End-to-end latency comes from the harness's stamp in the payload, copied per send (OMB's driver shares one buffer
 * between sends in flight, so a message may carry another's timestamp).
 */
final class NatsDriver extends NamedSettingsDriver {
    private static final Logger LOG = LoggerFactory.getLogger(NatsDriver.class);
    /** Pulled but unacknowledged messages wait this long before redelivery: long, as a paused consumer holds some. */
    private static final Duration ACK_WAIT = Duration.ofMinutes(10);
    /** JetStream's error code for a stream that does not exist. */
    private static final int STREAM_NOT_FOUND = 10059;

    private Connection publishing;
    private Connection consuming;
    private Map<String, String> topicSettings;
    private boolean messageIdDedup;
    private int maxAckPending;
    private short replicas;
    private EpochNanoClock clock;

    NatsDriver(NatsDriverFactory factory) {
        super(factory);
    }

    @Override
    protected EffectiveClientConfig start(DriverContext context, EffectiveClientConfig config) {
        Map<String, String> producer = config.producer();
        Map<String, String> consumer = config.consumer();
        topicSettings = new LinkedHashMap<>(config.topic());
        messageIdDedup = Boolean.parseBoolean(producer.get(NatsDriverFactory.MESSAGE_ID_DEDUP));
        maxAckPending = Integer.parseInt(consumer.get(NatsDriverFactory.MAX_ACK_PENDING));
        replicas = context.replicationFactor();
        clock = context.clock();
        try {
            publishing = Nats.connect(NatsAddress.options(context.bootstrapServers(), "msgbench-producers"));
            consuming = Nats.connect(NatsAddress.options(context.bootstrapServers(), "msgbench-consumers"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot connect to NATS at " + context.bootstrapServers() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to NATS", e);
        }
        if (replicas > 1 && publishing.getServerInfo().getCluster() == null) {
            // OMB's nats.yaml asks for 3 replicas, which a single server refuses: its streams get the one server
            LOG.warn("replicationFactor {}: the NATS server at {} is not clustered; streams get 1 replica", replicas,
                    context.bootstrapServers());
            replicas = 1;
        }
        topicSettings.put("replicas", Short.toString(replicas));
        return new EffectiveClientConfig(producer, consumer, topicSettings);
    }

    @Override
    public void createTopics(List<String> topics, int partitionCount, Duration timeout) {
        try {
            JetStreamManagement jsm = publishing.jetStreamManagement();
            for (String topic : topics) {
                String stream = NatsTopology.name(topic);
                jsm.addStream(StreamConfiguration.builder().name(stream).subjects(stream + ".*")
                        .description(NatsTopology.description(partitionCount))
                        .storageType(NatsDriverFactory.storage(topicSettings))
                        .maxBytes(NatsDriverFactory.maxBytes(topicSettings, partitionCount))
                        .discardPolicy(DiscardPolicy.Old).replicas(replicas).build());
                created(topic, partitionCount);
            }
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("Cannot create the JetStream streams " + topics + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteTopics(List<String> topics, Duration timeout) {
        for (String topic : topics) {
            try {
                publishing.jetStreamManagement().deleteStream(NatsTopology.name(topic));
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != STREAM_NOT_FOUND) { // a failed fork's topics may not have been made
                    LOG.warn("Could not delete stream {}: {}", NatsTopology.name(topic), e.toString());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete stream {}: {}", NatsTopology.name(topic), e.toString());
            }
        }
    }

    /** The partitions of a topic another worker created: the stream's description. */
    @Override
    protected int partitionsOnServers(String t) {
        try {
            String d = publishing.jetStreamManagement().getStreamInfo(NatsTopology.name(t)).getConfiguration()
                    .getDescription();
            int p = NatsTopology.partitions(d);
            if (p < 1) {
                throw new IllegalStateException("Stream " + NatsTopology.name(t) + " was not made by msgbench "
                        + "(its description is '" + d + "')");
            }
            return p;
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("No stream for topic " + t + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ProducerHandle createProducer(String topic, int maxInFlight) {
        try {
            String[] subjects = NatsTopology.subjects(NatsTopology.name(topic), partitionsOf(topic));
            return new NatsProducer(publishing.jetStream(), subjects, messageIdDedup, maxInFlight);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a producer of " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ConsumerHandle createConsumer(String topic, String subscription, MessageListener listener) {
        String stream = NatsTopology.name(topic);
        String durable = NatsTopology.name(subscription);
        try {
            consuming.jetStreamManagement().addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                    .durable(durable).ackPolicy(AckPolicy.Explicit).ackWait(ACK_WAIT).maxAckPending(maxAckPending)
                    .deliverPolicy(DeliverPolicy.All).build());
            NatsConsumer c = new NatsConsumer(subscription, consuming.getConsumerContext(stream, durable), listener,
                    clock);
            made(c);
            return c;
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("Cannot create a consumer of " + topic + "/" + subscription + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    protected void closeConnections() {
        Closing.all(java.util.Arrays.asList(publishing, consuming));
    }
}
