package io.msgbench.driver.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EmbeddedBrokerOptionsTest {
    @Test
    void defaultsFollowTheDesign() {
        EmbeddedBrokerOptions d = EmbeddedBrokerOptions.defaults();
        assertThat(d.minHeap()).isEqualTo("512m");
        assertThat(d.maxHeap()).isEqualTo("1g");
        assertThat(d.brokerProperties()).isEmpty();
        assertThat(d.startTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withersReplaceOneThing() {
        EmbeddedBrokerOptions o = EmbeddedBrokerOptions.defaults()
                .withHeap("1g", "2g")
                .withBrokerProperty("log.retention.bytes", "1")
                .withBrokerProperty("log.retention.bytes", "2")
                .withStartTimeout(Duration.ofSeconds(5));
        assertThat(o).isEqualTo(
                new EmbeddedBrokerOptions("1g", "2g", Map.of("log.retention.bytes", "2"), Duration.ofSeconds(5)));
    }

    @Test
    void rejectsSettingsTheHarnessManages() {
        assertThatThrownBy(() -> EmbeddedBrokerOptions.defaults().withBrokerProperty("listeners", "PLAINTEXT://:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Broker setting 'listeners' is managed by msgbench's embedded broker and cannot be set");
    }

    @Test
    void rejectsMalformedHeapAndTimeout() {
        assertThatThrownBy(() -> EmbeddedBrokerOptions.defaults().withHeap("512 MB", "1g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("512 MB");
        assertThatThrownBy(() -> EmbeddedBrokerOptions.defaults().withStartTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listensOnLoopbackUnlessGivenAnIpAddress() {
        assertThat(EmbeddedBrokerOptions.defaults().listenAddress()).isEqualTo("127.0.0.1");
        assertThat(EmbeddedBrokerOptions.defaults().withListenAddress("10.0.0.5").listenAddress()).isEqualTo("10.0.0.5");
        assertThatThrownBy(() -> EmbeddedBrokerOptions.defaults().withListenAddress("kafka.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The broker's listen address must be an IP address, got 'kafka.example'");
    }
}
