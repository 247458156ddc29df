package io.msgbench.driver.kafka;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.broker.ContainerServers;
import io.msgbench.broker.ServerTuning;
import io.msgbench.driver.BacklogRoom;
import io.msgbench.driver.MessagingSystem;
import io.msgbench.driver.kafka.broker.EmbeddedBrokerOptions;
import io.msgbench.driver.kafka.broker.EmbeddedKafkaBroker;
import io.msgbench.driver.kafka.broker.ExternalKafkaCluster;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka's servers for a run: the embedded KRaft broker (one node, or a cluster for replication), or a cluster at its bootstrap servers. */
public final class KafkaSystem implements MessagingSystem {
    private static final String RETENTION_BYTES = "retention.bytes";

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public BrokerHandle connect(String address, Duration timeout) {
        return ExternalKafkaCluster.connect(address, timeout);
    }

    /** Size-based retention (the embedded broker keeps 1 GiB per partition) with room for twice the backlog. */
    @Override
    public Map<String, String> backlogTopicSettings(Map<String, String> topic, double bytesPerPartition,
                                                    double messagesPerPartition) {
        return BacklogRoom.atLeast(topic, RETENTION_BYTES, Math.max(1L << 30, (long) (2 * bytesPerPartition)));
    }

    /**
     * One broker in a container, {@code apache/kafka} at the client's version, through Testcontainers' Kafka module
     * (it maps the advertised listener to the host's port).
     */
    @Override
    public BrokerHandle startContainer(int nodes) {
        if (nodes > 1) {
            throw new BrokerUnavailableException("Replication factor " + nodes + " needs a Kafka cluster; --containers "
                    + "starts one broker (the embedded cluster has " + nodes + ": run without --containers)");
        }
        ContainerServers.requireDocker();
        KafkaContainer c = new KafkaContainer(DockerImageName.parse("apache/kafka:" + AppInfoParser.getVersion()));
        return ContainerServers.start(this, c, KafkaContainer::getBootstrapServers);
    }

    @Override
    public BrokerHandle startEmbedded(int nodes, String listenAddress) {
        return startEmbedded(nodes, listenAddress, ServerTuning.NONE);
    }

    /** The embedded broker with the heap ({@code -Xms} and {@code -Xmx} alike) and broker settings given. */
    @Override
    public BrokerHandle startEmbedded(int nodes, String listenAddress, ServerTuning tuning) {
        checkTuning(tuning);
        EmbeddedBrokerOptions options = EmbeddedBrokerOptions.defaults().withListenAddress(listenAddress);
        if (tuning.heap() != null) {
            options = options.withHeap(tuning.heap(), tuning.heap());
        }
        for (Map.Entry<String, String> e : tuning.settings().entrySet()) {
            options = options.withBrokerProperty(e.getKey(), e.getValue());
        }
        return nodes > 1 ? EmbeddedKafkaBroker.startCluster(options, nodes) : EmbeddedKafkaBroker.start(options);
    }

    /**
     * Each setting checked by the broker's own definitions ({@code AbstractKafkaConfig.CONFIG_DEF}: the name, the
     * type, the validator), and none of those that wire the embedded broker to its ports and directories.
     */
    @Override
    public void checkTuning(ServerTuning tuning) {
        for (Map.Entry<String, String> e : tuning.settings().entrySet()) {
            String name = e.getKey();
            if (EmbeddedBrokerOptions.isReserved(name)) {
                throw new IllegalArgumentException("--broker-config " + name + ": msgbench's embedded broker sets it "
                        + "(its ports, roles and directories)");
            }
            ConfigDef.ConfigKey key = AbstractKafkaConfig.CONFIG_DEF.configKeys().get(name);
            if (key == null) {
                throw new IllegalArgumentException("--broker-config " + name + ": not a Kafka broker setting (Kafka "
                        + AppInfoParser.getVersion() + ")");
            }
            try {
                Object value = ConfigDef.parseType(name, e.getValue(), key.type);
                if (key.validator != null) {
                    key.validator.ensureValid(name, value);
                }
            } catch (ConfigException refused) {
                throw new IllegalArgumentException("--broker-config " + name + "=" + e.getValue() + ": refused by the "
                        + "Kafka broker's definitions: " + refused.getMessage());
            }
        }
    }
}
