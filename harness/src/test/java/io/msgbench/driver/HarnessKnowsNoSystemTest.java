package io.msgbench.driver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine builds and tests without any messaging system's artifact (DESIGN §9): each is a module under drivers/. */
class HarnessKnowsNoSystemTest {
    @ParameterizedTest
    @ValueSource(strings = {"org.apache.kafka.clients.producer.KafkaProducer", "kafka.server.KafkaRaftServer",
        "org.apache.kafka.server.common.MetadataVersion", "com.rabbitmq.client.ConnectionFactory",
        "io.nats.client.Nats", "io.lettuce.core.RedisClient", "com.hivemq.client.mqtt.MqttClient"})
    void noClientOrServerOfAnySystemIsOnTheHarnessClassPath(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka", "rabbitmq", "nats", "redis", "mqtt"})
    void withoutADriverModuleNoSystemIsKnown(String name) {
        assertThatThrownBy(() -> MessagingSystem.named(name))
                .hasMessage("No messaging system '" + name + "' on the class path; known: none");
    }
}
