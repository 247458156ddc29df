package io.msgbench.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExternalKafkaClusterTest {
    @Test
    void unreachableAddressFailsWithinTheTimeoutWithOneClearLine() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> ExternalKafkaCluster.connect("127.0.0.1:1", Duration.ofSeconds(10)))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessage("Kafka cluster at 127.0.0.1:1 did not answer within 10 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void unresolvableHostFailsAtOnce() {
        assertThatThrownBy(() -> ExternalKafkaCluster.connect("no-such-host.invalid:9092", Duration.ofSeconds(10)))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageStartingWith("Kafka cluster at no-such-host.invalid:9092 cannot be contacted: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void timeoutIsBounded() {
        assertThatThrownBy(() -> ExternalKafkaCluster.connect("127.0.0.1:1", Duration.ofSeconds(31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExternalKafkaCluster.connect(" ", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
