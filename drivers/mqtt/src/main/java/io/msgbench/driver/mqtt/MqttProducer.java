package io.msgbench.driver.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.msgbench.driver.InFlight;
import io.msgbench.driver.PartitionChooser;
import io.msgbench.driver.PayloadCopies;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;


/**
 * A producer: an MQTT client of its own publishing to its topic's partition topics at the run's QoS; the broker's
 * PUBACK (QoS 1) or PUBCOMP (QoS 2) completes a send, the write itself at QoS 0 (nothing to wait for: a QoS 0
 * message the broker drops is counted lost, never failed). HiveMQ keeps the payload until it wrote it, so each
 * payload's copy lives in a ring slot of its token.
 */
final class MqttProducer implements ProducerHandle {
    private final Mqtt5AsyncClient client;
    private final MqttTopic[] topics;
    private final MqttQos qos;
    private final PartitionChooser partitions;
    private final PayloadCopies copies;
    private final InFlight inFlight = new InFlight();

    MqttProducer(Mqtt5AsyncClient client, String[] topics, MqttQos qos, int maxInFlight) {
        this.client = client;
        this.topics = new MqttTopic[topics.length];
        for (int p = 0; p < topics.length; p++) {
            this.topics[p] = MqttTopic.of(topics[p]);
        }
        this.qos = qos;
        this.partitions = new PartitionChooser(topics.length);
        this.copies = new PayloadCopies(maxInFlight);
    }

    @Override
    public void send(byte[] key, byte[] payload, long token, SendListener listener) {
        Mqtt5Publish publish = Mqtt5Publish.builder().topic(topics[partitions.partition(key)]).qos(qos)
                .payload(copies.copy(payload, token)).build();
        inFlight.sent();
        client.publish(publish).whenComplete((result, error) -> {
            inFlight.completed();
            Throwable failed = error != null ? error : result.getError().orElse(null);
            listener.onCompletion(token, failed == null ? null
                    : failed instanceof Exception e ? e : new RuntimeException(failed));
        });
    }

    @Override
    public void flush() {
        inFlight.awaitNone();
    }

    @Override
    public void close() {
        MqttConsumer.disconnect(client);
    }

}
