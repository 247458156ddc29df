package io.msgbench.driver.kafka;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.driver.MessagingSystem;
import io.msgbench.driver.kafka.broker.EmbeddedBrokerOptions;
import io.msgbench.driver.kafka.broker.EmbeddedKafkaBroker;
import io.msgbench.driver.kafka.broker.ExternalKafkaCluster;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
        if (topic.containsKey(RETENTION_BYTES)) {
            return topic;
        }
        Map<String, String> config = new LinkedHashMap<>(topic);
        config.put(RETENTION_BYTES, Long.toString(Math.max(1L << 30, (long) (2 * bytesPerPartition))));
        return config;
    }

    @Override
    public BrokerHandle startEmbedded(int nodes, String listenAddress) {
        EmbeddedBrokerOptions options = EmbeddedBrokerOptions.defaults().withListenAddress(listenAddress);
        return nodes > 1 ? EmbeddedKafkaBroker.startCluster(options, nodes) : EmbeddedKafkaBroker.start(options);
    }
}
