package io.msgbench.driver.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.msgbench.testing.SharedKafkaBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("integration")
@ExtendWith(SharedKafkaBroker.class)
class ExternalKafkaClusterIT {
    @Test
    void describesARunningClusterAndLeavesItRunning() {
        String address = SharedKafkaBroker.bootstrapServers();

        ExternalKafkaCluster cluster = ExternalKafkaCluster.connect(address, Duration.ofSeconds(10));
        cluster.close();

        assertThat(cluster.kind()).isEqualTo("external");
        assertThat(cluster.bootstrapServers()).isEqualTo(address);
        assertThat(cluster.version()).isEqualTo("4.4");
        assertThat(cluster.settings()).containsEntry("broker.count", "1")
                .containsEntry("metadata.version", "4.4-IV2")
                .containsKey("cluster.id");
        assertThat(cluster.logFile()).isEmpty();
        assertThat(ExternalKafkaCluster.connect(address, Duration.ofSeconds(10)).settings())
                .containsEntry("broker.count", "1");
    }
}
