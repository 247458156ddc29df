package io.msgbench.driver.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class BrokerClientSettingsTest {
    private static final long BOUND = BrokerClientSettings.ERROR_BOUND.toMillis();

    @Test
    void everyTimeoutIsWithinTheBound() {
        for (Map<String, String> m : List.of(BrokerClientSettings.producer(), BrokerClientSettings.consumer(),
                BrokerClientSettings.admin())) {
            assertThat(m.values()).allSatisfy(v -> assertThat(Long.parseLong(v)).isBetween(1L, BOUND));
        }
    }

    @Test
    void keysAreKnownToTheirClient() {
        assertThat(ProducerConfig.configNames()).containsAll(BrokerClientSettings.producer().keySet());
        assertThat(ConsumerConfig.configNames()).containsAll(BrokerClientSettings.consumer().keySet());
        assertThat(AdminClientConfig.configNames()).containsAll(BrokerClientSettings.admin().keySet());
    }

    @Test
    void producerDeliveryTimeoutLeavesRoomForLinger() {
        Map<String, String> p = BrokerClientSettings.producer();
        long linger = 5;
        assertThat(Long.parseLong(p.get("delivery.timeout.ms")))
                .isGreaterThanOrEqualTo(Long.parseLong(p.get("request.timeout.ms")) + linger);
    }

    @Test
    void adminBoundIsTheApiTimeout() {
        Map<String, String> a = BrokerClientSettings.admin(Duration.ofSeconds(3));
        assertThat(a).containsEntry("default.api.timeout.ms", "3000").containsEntry("request.timeout.ms", "3000")
                .containsEntry("socket.connection.setup.timeout.ms", "3000");
        assertThatThrownBy(() -> BrokerClientSettings.admin(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
