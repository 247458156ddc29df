package io.msgbench.driver.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a consumer connects and subscribes (OMB's MQTT consumer block): its QoS, clean start, session expiry and the
 * receive maximum it announces (HiveMQ's 65535 by default: Debian's Mosquitto 2.0.11 sends more than a smaller one
 * allows, and the client then drops the connection).
 */
record MqttConsumerSettings(MqttQos qos, boolean cleanStart, long sessionExpiryInterval, int receiveMaximum) {
    static MqttConsumerSettings of(Map<String, String> consumer) {
        return new MqttConsumerSettings(MqttQos.fromCode(Integer.parseInt(consumer.get(MqttDriverFactory.QOS))),
                Boolean.parseBoolean(consumer.get(MqttDriverFactory.CLEAN_START)),
                Long.parseLong(consumer.get(MqttDriverFactory.SESSION_EXPIRY_INTERVAL)),
                Integer.parseInt(consumer.get(MqttDriverFactory.RECEIVE_MAXIMUM)));
    }

    CompletableFuture<Mqtt5ConnAck> connect(Mqtt5AsyncClient client) {
        return client.connectWith().cleanStart(cleanStart).sessionExpiryInterval(sessionExpiryInterval)
                .restrictions().receiveMaximum(receiveMaximum).applyRestrictions().send();
    }
}
