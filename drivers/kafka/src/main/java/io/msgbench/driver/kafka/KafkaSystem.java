package io.msgbench.driver.kafka;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.driver.MessagingSystem;
import io.msgbench.driver.kafka.broker.EmbeddedBrokerOptions;
import io.msgbench.driver.kafka.broker.EmbeddedKafkaBroker;
import io.msgbench.driver.kafka.broker.ExternalKafkaCluster;
import java.time.Duration;

/** Kafka's servers for a run: the embedded KRaft broker (one node, or a cluster for replication), or a cluster at its bootstrap servers. */
public final class KafkaSystem implements MessagingSystem {
    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public BrokerHandle connect(String address, Duration timeout) {
        return ExternalKafkaCluster.connect(address, timeout);
    }

    @Override
    public BrokerHandle startEmbedded(int nodes, String listenAddress) {
        EmbeddedBrokerOptions options = EmbeddedBrokerOptions.defaults().withListenAddress(listenAddress);
        return nodes > 1 ? EmbeddedKafkaBroker.startCluster(options, nodes) : EmbeddedKafkaBroker.start(options);
    }
}
