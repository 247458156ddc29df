package io.msgbench.driver.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RabbitMqDriverFactoryTest {
    private final RabbitMqDriverFactory factory = new RabbitMqDriverFactory();

    @Test
    void itsSettingsAreCheckedBeforeAnyServerWork() {
        assertThat(factory.check(Map.of(), Map.of("messagePersistence", "true"),
                Map.of("prefetch", "500", "queueType", "quorum"))).isEmpty();
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of(), Map.of("queueType", "stream")))
                .hasMessage("rabbitmq: queueType=stream: expected classic or quorum");
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of(), Map.of("prefetch", "0")))
                .hasMessage("rabbitmq: prefetch=0: expected a whole number from 1 to 65535");
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of("messagePersistence", "yes"), Map.of()))
                .hasMessage("rabbitmq: messagePersistence=yes: expected true or false");
    }

    @Test
    void itIsAClientOfRabbitMq() {
        assertThat(factory.name()).isEqualTo("rabbitmq");
        assertThat(factory.system()).isEqualTo("rabbitmq");
        assertThat(factory.clientVersion()).startsWith("amqp-client 5.");
    }

    @Test
    void anAddressIsAnAmqpUriOrHostAndPort() {
        assertThat(RabbitMqAddress.normalized("10.0.0.5:5672")).isEqualTo("amqp://10.0.0.5:5672");
        assertThat(RabbitMqAddress.factory("10.0.0.5:5673").getPort()).isEqualTo(5673);
        assertThatThrownBy(() -> RabbitMqAddress.factory("http://10.0.0.5:5672"))
                .hasMessageStartingWith("'http://10.0.0.5:5672' is not a RabbitMQ address (amqp://host:port or "
                        + "host:port)");
    }
}
