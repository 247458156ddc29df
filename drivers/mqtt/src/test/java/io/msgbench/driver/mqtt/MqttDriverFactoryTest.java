package io.msgbench.driver.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.driver.OmbFileKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttDriverFactoryTest {
    private final MqttDriverFactory factory = new MqttDriverFactory();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void itsSettingsAreCheckedBeforeAnyServerWork() {
        assertThat(factory.check(Map.of(), Map.of("qos", "2"), Map.of("qos", "0", "receiveMaximum", "100"))).isEmpty();
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of("qos", "3"), Map.of()))
                .hasMessage("mqtt: qos=3: expected 0 or 1 or 2");
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of(), Map.of("receiveMaximum", "70000")))
                .hasMessage("mqtt: receiveMaximum=70000: expected a whole number from 1 to 65535");
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of("topicPrefix", "a/+"), Map.of()))
                .hasMessage("mqtt: topicPrefix=a/+: expected a topic name without wildcards, not starting with $");
    }

    @Test
    void ombsBlocksBecomeTheAddressAndBothSidesSettings() throws Exception {
        JsonNode file = json.readTree("""
                {"client": {"serverUri": "tcp://broker:1884", "username": "u", "password": "p w", "qos": 2,
                            "topicPrefix": "benchmark", "keepAlive": 30},
                 "consumer": {"cleanSession": false, "sessionExpiryIntervalSeconds": 259200, "receiveMaximum": 256}}""");
        assertThat(factory.ombFileKey("client", file.get("client"), file)).containsExactly(
                OmbFileKey.address("tcp://u:p+w@broker:1884"), OmbFileKey.producer("qos", "2"),
                OmbFileKey.consumer("qos", "2"), OmbFileKey.producer("topicPrefix", "benchmark"),
                OmbFileKey.consumer("topicPrefix", "benchmark"),
                OmbFileKey.ignored("keepAlive", "not a key of OMB's MQTT driver"));
        assertThat(factory.ombFileKey("consumer", file.get("consumer"), file)).containsExactly(
                OmbFileKey.consumer("cleanStart", "false"), OmbFileKey.consumer("sessionExpiryInterval", "259200"),
                OmbFileKey.consumer("receiveMaximum", "256"));
        assertThat(MqttAddress.parse("tcp://u:p+w@broker:1884")).isEqualTo(new MqttAddress("broker", 1884, "u", "p w"));
        assertThat(MqttAddress.parse("broker")).isEqualTo(new MqttAddress("broker", 1883, null, null));
    }

    @Test
    void aPartitionIsATopicOfItsOwnAndASubscriptionASharedGroup() {
        assertThat(MqttTopology.topics("msgbench", "t", 2)).containsExactly("msgbench/t/0", "msgbench/t/1");
        assertThat(MqttTopology.sharedFilter("msgbench", "t", "s")).isEqualTo("$share/s/msgbench/t/+");
        assertThat(MqttTopology.partition("msgbench/t/15")).isEqualTo(15);
        assertThat(MqttTopology.partition("msgbench/t/x")).isEqualTo(-1);
        assertThat(factory.clientVersion()).isEqualTo("hivemq-mqtt-client 1.4.0");
    }
}
