package io.msgbench.driver.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import io.msgbench.api.KeyDistributor;
import io.msgbench.load.PayloadStamp;
import io.msgbench.testing.KnownFaults;
import io.msgbench.testing.LocalServerContract;
import io.msgbench.worker.InProcessWorker;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT driver against this machine's Mosquitto (127.0.0.1:1883; .ci/run starts it): the rate it is asked for,
 * every message verified, OMB's own driver file, and messages taken by another member of the subscription's shared
 * group counted as lost, exactly.
 */
class MqttIT extends LocalServerContract {
    MqttIT() {
        super(new MqttSystem(), "drivers/mqtt/mqtt.yaml", "# Cluster: local MQTT ", "tcp://127.0.0.1:1",
                "ERROR: No MQTT broker answers at tcp://127.0.0.1:1 (");
    }

    /** OMB's own mqtt5.yaml, its nested blocks as OMB writes them, runs unchanged; QoS 2 as a parameter. */
    @Test
    void ombsOwnDriverFileRunsUnchanged(@TempDir Path dir) throws Exception {
        ombFileRunsAtItsRate(dir, "mqtt5.yaml", """
                name: MQTT
                driverClass: io.openmessaging.benchmark.driver.mqtt5.MqttBenchmarkDriver

                client:
                  serverUri: tcp://localhost:1883
                  username:
                  password:
                  topicPrefix: benchmark

                consumer:
                  cleanSession: true
                  sessionExpiryIntervalSeconds: 259200
                  receiveMaximum: 1000
                """, List.of("producer.qos=2", "consumer.qos=2"),
                "# Cluster: external, tcp://localhost:1883 (named by the driver file)", "qos=2",
                "topicPrefix=benchmark", "sessionExpiryInterval=259200", "receiveMaximum=1000");

        badDriverFileIsOneLine("""
                name: MQTT
                driverClass: io.openmessaging.benchmark.driver.mqtt5.MqttBenchmarkDriver
                client:
                  serverUri: http://localhost:1883
                """, "3: client: 'http://localhost:1883' is not an "
                + "MQTT address (tcp://host:port or host:port): its scheme is not tcp or mqtt", dir);
    }

    /**
     * A client of the test joins the subscription's shared group for a while and takes its share of the messages:
     * every one it took is counted lost, exactly, and one stamped message it did not take, published a second time,
     * is 1 duplicated; nothing else is lost, duplicated or reordered.
     */
    @Test
    void messagesTakenByAnotherMemberAndADuplicateAreCountedExactly() throws Exception {
        String topic = "known-faults-mqtt-" + System.nanoTime();
        MqttAddress broker = MqttAddress.parse(MqttSystem.LOCAL);
        Mqtt5AsyncClient thief = broker.client("msgbench-test-thief-" + System.nanoTime(), ignored -> { });
        try (InProcessWorker worker = InProcessWorker.create()) {
            worker.initialize(new WorkerSetup("mqtt", MqttSystem.LOCAL, Map.of(), Map.of(), Map.of(), Map.of(),
                    (short) 1, 1));
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, "s")), Duration.ofSeconds(30));
            worker.createProducers(List.of(new ProducerSpec(topic, 7)),
                    new MessageSpec(256, KeyDistributor.NO_KEY, false, 0, 0, 1, null), 200);
            worker.probe(Duration.ofSeconds(30));
            Set<Long> taken = ConcurrentHashMap.newKeySet();
            thief.connect().get(10, TimeUnit.SECONDS);
            String filter = MqttTopology.sharedFilter("msgbench", topic, "s");
            thief.subscribe(Mqtt5Subscribe.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build(),
                    p -> taken.add(PayloadStamp.sequence(p.getPayloadAsBytes()))).get(10, TimeUnit.SECONDS);
            worker.startLoad(200, 1);
            Thread.sleep(1_000); // the broker shares about 200 messages between the two members
            thief.unsubscribeWith().topicFilter(filter).send().get(10, TimeUnit.SECONDS);
            Thread.sleep(200); // what was on its way to the thief arrives
            long lost = taken.size();
            assertThat(lost).as("messages the other member took").isGreaterThan(10);
            long twice = 1;
            while (taken.contains(twice)) {
                twice++;
            }
            byte[] copy = new byte[256];
            PayloadStamp.write(copy, 1, 7, twice, 1, 2); // a message the run's consumer received, once more
            thief.publish(Mqtt5Publish.builder().topic(MqttTopology.topics("msgbench", topic, 1)[0])
                    .qos(MqttQos.AT_LEAST_ONCE).payload(copy).build()).get(10, TimeUnit.SECONDS);
            KnownFaults.assertCountedExactly(worker, "mqtt", lost, 1);
        } finally {
            MqttConsumer.disconnect(thief);
        }
    }

    /**
     * Debian's Mosquitto with its default settings (max_queued_messages 1000) acknowledges QoS 1 messages it then
     * drops for a consumer that does not keep up: with the consumer held for 2 s at 2,000 msg/s, about 4,000 messages
     * are acknowledged while at most ~1,000 queue for it, and every one dropped is counted lost — none failed, none
     * duplicated, received and lost adding up to what was acknowledged.
     */
    @Test
    void mosquittosDefaultQueueDropsAcknowledgedMessagesAndEachIsCountedLost() throws Exception {
        String topic = "mosquitto-queue-" + System.nanoTime();
        try (InProcessWorker worker = InProcessWorker.create()) {
            worker.initialize(new WorkerSetup("mqtt", MqttSystem.LOCAL, Map.of(), Map.of(), Map.of(), Map.of(),
                    (short) 1, 1));
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, "s")), Duration.ofSeconds(30));
            worker.createProducers(List.of(new ProducerSpec(topic, 3)),
                    new MessageSpec(256, KeyDistributor.NO_KEY, false, 0, 0, 1, null), 2_000);
            worker.probe(Duration.ofSeconds(30));
            worker.pauseConsumers();
            worker.startLoad(2_000, 1);
            Thread.sleep(2_000);
            worker.resumeConsumers();
            Thread.sleep(1_000);
            worker.stopLoad(Duration.ofSeconds(30));
            var drain = worker.drain(Duration.ofSeconds(5));
            System.out.println("mosquitto's queue: " + drain);
            var s = worker.phaseStats(1).snapshot();
            assertThat(s.publishErrors()).as("every message acknowledged").isZero();
            assertThat(drain.inFlight()).isZero();
            assertThat(drain.lost()).as(drain.toString()).isGreaterThanOrEqualTo(1_000);
            assertThat(drain.received() + drain.lost()).isEqualTo(drain.expected());
            assertThat(drain.duplicated()).isZero();
            assertThat(s.messagesLost()).isEqualTo(drain.lost());
        }
    }

}
