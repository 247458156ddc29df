package io.msgbench.driver.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.msgbench.api.KeyDistributor;
import io.msgbench.load.PayloadStamp;
import io.msgbench.testing.KnownFaults;
import io.msgbench.testing.LocalServerContract;
import io.msgbench.worker.InProcessWorker;
import io.msgbench.worker.Worker;
import io.msgbench.worker.WorkerGroup;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RabbitMQ driver against this machine's node (127.0.0.1:5672, guest/guest; .ci/run starts it): the rate it is
 * asked for, every message verified, and faults made on the broker counted exactly.
 */
class RabbitMqIT extends LocalServerContract {
    RabbitMqIT() {
        super(new RabbitMqSystem(), "drivers/rabbitmq/rabbitmq.yaml", "# Cluster: local RabbitMQ ", "amqp://127.0.0.1:1",
                "ERROR: No RabbitMQ node answers at amqp://127.0.0.1:1 (");
    }

    /** OMB's own RabbitMQ driver file, its keys as OMB writes them, runs unchanged; what msgbench does not need warns. */
    @Test
    void ombsOwnDriverFileRunsUnchanged(@TempDir Path dir) throws Exception {
        ombFileRunsAtItsRate(dir, "rabbitmq.yaml", """
                name: RabbitMQ
                driverClass: io.openmessaging.benchmark.driver.rabbitmq.RabbitMqBenchmarkDriver

                # RabbitMq client specific configurations
                amqpUris:
                  - amqp://localhost
                messagePersistence: false
                queueType: QUORUM
                producerCreationDelay: 100
                """, List.of(),
                "# Cluster: external, amqp://localhost (named by the driver file)", "queueType=quorum",
                dir.resolve("rabbitmq.yaml") + ":9: producerCreationDelay ignored: msgbench creates clients");

        badDriverFileIsOneLine("""
                name: RabbitMQ
                driverClass: io.openmessaging.benchmark.driver.rabbitmq.RabbitMqBenchmarkDriver
                amqpUris:
                  - amqp://localhost
                queueType: STREAM
                """, "5: queueType: STREAM is not supported: "
                + "CLASSIC or QUORUM (streams speak another protocol)", dir);
    }

    /**
     * 10 messages taken off the subscription's queue before its consumer read them are 10 lost, one stamped message
     * published a second time is 1 duplicated; nothing else is lost, duplicated or reordered.
     */
    @Test
    void aGapAndADuplicateMadeOnTheBrokerAreCountedExactly() throws Exception {
        try (InProcessWorker worker = InProcessWorker.create()) {
            countsFaultsExactly(worker);
        }
    }

    /**
     * The same with the producer on one worker and the consumer on another (a {@link WorkerGroup} of two): the
     * consumer's worker did not create the topic and finds its partitions on the broker; the coordinator's
     * verification over both workers counts the faults exactly, and no queue is left behind.
     */
    @Test
    void aGapAndADuplicateAreCountedExactlyAcrossWorkers() throws Exception {
        String topic;
        try (WorkerGroup group = new WorkerGroup(List.of(InProcessWorker.create(), InProcessWorker.create()))) {
            topic = countsFaultsExactly(group);
        } // the workers delete the topic and their queues as they close

        try (Connection c = RabbitMqAddress.factory(RabbitMqSystem.LOCAL).newConnection("msgbench-check")) {
            for (String queue : List.of(topic + ".s.0", RabbitMqTopology.partitionsQueue(topic))) {
                Channel channel = c.createChannel(); // a missing queue closes the channel that asks
                assertThatThrownBy(() -> channel.queueDeclarePassive(queue)).hasStackTraceContaining("NOT_FOUND");
            }
        }
    }

    /** Runs the known faults on {@code worker}; returns the topic. */
    private static String countsFaultsExactly(Worker worker) throws Exception {
        String topic = "known-faults-rabbitmq-" + System.nanoTime();
        try (Connection c = RabbitMqAddress.factory(RabbitMqSystem.LOCAL).newConnection("msgbench-faults")) {
            Channel channel = c.createChannel();
            worker.initialize(new WorkerSetup("rabbitmq", RabbitMqSystem.LOCAL, Map.of(), Map.of(), Map.of(),
                    Map.of(), (short) 1, 1));
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, "s")), Duration.ofSeconds(30));
            worker.createProducers(List.of(new ProducerSpec(topic, 7)),
                    new MessageSpec(256, KeyDistributor.NO_KEY, false, 0, 0, 1, null), 200);
            worker.probe(Duration.ofSeconds(30));
            worker.pauseConsumers();
            Thread.sleep(500);
            worker.startLoad(200, 1);
            Thread.sleep(1_000); // about 200 messages wait in the queue, unread
            String queue = topic + ".s.0";
            for (int i = 0; i < 10; i++) {
                GetResponse taken = channel.basicGet(queue, true);
                assertThat(taken).as("a waiting message").isNotNull();
            }
            byte[] copy = new byte[256];
            PayloadStamp.write(copy, 1, 7, 20, 1, 2); // message 20 of producer 7, phase 1, once more
            channel.basicPublish(topic, "0", new AMQP.BasicProperties(), copy);
            KnownFaults.assertCountedExactly(worker, "rabbitmq", 10, 1);
        }
        return topic;
    }
}
