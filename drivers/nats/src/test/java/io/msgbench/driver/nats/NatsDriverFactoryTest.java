package io.msgbench.driver.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.msgbench.driver.OmbFileKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NatsDriverFactoryTest {
    private final NatsDriverFactory factory = new NatsDriverFactory();
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    @Test
    void itsSettingsAreCheckedBeforeAnyServerWork() {
        assertThat(factory.check(Map.of(), Map.of("messageIdDedup", "true"), Map.of("maxAckPending", "500"))).isEmpty();
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of("messageIdDedup", "yes"), Map.of()))
                .hasMessage("nats: messageIdDedup=yes: expected true or false");
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of(), Map.of("maxAckPending", "0")))
                .hasMessage("nats: maxAckPending=0: expected a whole number from 1 to 2147483647");
        assertThatThrownBy(() -> factory.checkTopicSettings(Map.of("storageType", "disk")))
                .hasMessage("nats: storageType=disk: expected file or memory");
        assertThatThrownBy(() -> factory.checkTopicSettings(Map.of("maxBytes", "-2")))
                .hasMessage("nats: maxBytes=-2: expected a whole number from -1 to 9223372036854775807");
        factory.checkTopicSettings(Map.of("storageType", "memory", "maxBytes", "-1"));
    }

    @Test
    void ombsKeysBecomeTheAddressAndStreamSettings() {
        assertThat(factory.ombFileKey("natsHostUrl", json.textNode("localhost:4222"), null))
                .containsExactly(OmbFileKey.address("nats://localhost:4222"));
        assertThat(factory.ombFileKey("storageType", json.textNode("Memory"), null))
                .containsExactly(OmbFileKey.topic("storageType", "memory"));
        assertThat(factory.ombFileKey("maxBytes", json.numberNode(-1), null)).containsExactly(OmbFileKey.topic("maxBytes", "-1"));
        assertThat(factory.ombFileKey("jsStreamName", json.textNode("x"), null)).isEmpty();
    }

    @Test
    void aStreamIsBoundedPerPartitionUnlessMaxBytesIsGiven() {
        assertThat(NatsDriverFactory.maxBytes(NatsDriverFactory.TOPIC_DEFAULTS, 16)).isEqualTo(16L << 30);
        assertThat(NatsDriverFactory.maxBytes(Map.of("maxBytes", "-1", "maxBytesPerPartition", "5"), 16)).isEqualTo(-1);
        assertThat(new NatsSystem().backlogTopicSettings(Map.of(), 3e9, 3e6)).containsEntry("maxBytesPerPartition",
                "6000000000");
    }

    @Test
    void topicsAndPartitionsMapToStreamsAndSubjects() {
        assertThat(NatsTopology.name("test-topic.0000001-AbC")).isEqualTo("test-topic_0000001-AbC");
        assertThat(NatsTopology.subjects("t", 2)).containsExactly("t.0", "t.1");
        assertThat(NatsTopology.partition("t.13")).isEqualTo(13);
        assertThat(NatsTopology.partition("t")).isEqualTo(-1);
        assertThat(NatsTopology.partitions(NatsTopology.description(16))).isEqualTo(16);
        assertThat(List.of(factory.name(), factory.system())).containsOnly("nats");
        assertThat(factory.clientVersion()).startsWith("jnats 2.");
    }
}
