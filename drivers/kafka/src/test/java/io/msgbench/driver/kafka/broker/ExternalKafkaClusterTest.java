package io.msgbench.driver.kafka.broker;

import io.msgbench.broker.BrokerUnavailableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExternalKafkaClusterTest {
    @Test
    void refusedPortFailsAtOnceWithOneClearLine() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> ExternalKafkaCluster.connect("127.0.0.1:1", Duration.ofSeconds(10)))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageStartingWith("No Kafka broker answers at 127.0.0.1:1 (127.0.0.1:1: Connection refused")
                .hasMessageNotContaining("\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void listenerThatIsNotKafkaFailsWithinTheTimeout() throws Exception {
        // accepts connections (the backlog does) but never answers a Kafka request
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + silent.getLocalPort();
            long start = System.nanoTime();
            assertThatThrownBy(() -> ExternalKafkaCluster.connect(address, Duration.ofSeconds(3)))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessage("Kafka cluster at " + address + " did not answer within 3 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
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
