package io.msgbench.driver.kafka;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.broker.ContainerServers;
import io.msgbench.driver.BacklogRoom;
import io.msgbench.driver.MessagingSystem;
import io.msgbench.driver.kafka.broker.EmbeddedBrokerOptions;
import io.msgbench.driver.kafka.broker.EmbeddedKafkaBroker;
import io.msgbench.driver.kafka.broker.ExternalKafkaCluster;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.utils.internals.AppInfoParser;
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
        EmbeddedBrokerOptions options = EmbeddedBrokerOptions.defaults().withListenAddress(listenAddress);
        return nodes > 1 ? EmbeddedKafkaBroker.startCluster(options, nodes) : EmbeddedKafkaBroker.start(options);
    }
}
