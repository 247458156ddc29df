package io.msgbench.driver.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.api.KeyDistributor;
import io.msgbench.load.PayloadStamp;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.KnownFaults;
import io.msgbench.testing.LocalServerContract;
import io.msgbench.worker.InProcessWorker;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerSetup;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NATS JetStream driver against this machine's server (127.0.0.1:4222 with -js; .ci/run starts it): the rate it
 * is asked for, every message verified, OMB's own driver file, and faults made on the server counted exactly.
 */
class NatsIT extends LocalServerContract {
    NatsIT() {
        super(new NatsSystem(), "drivers/nats/nats.yaml", "# Cluster: local NATS ", "nats://127.0.0.1:1",
                "ERROR: No NATS server answers at nats://127.0.0.1:1 (");
    }

    /**
     * OMB's own nats.yaml, as OMB ships it (its 3 replicas on a single server become one, said in the topic
     * settings), runs unchanged, with memory storage and message-id dedup as parameters.
     */
    @Test
    void ombsOwnDriverFileRunsUnchanged(@TempDir Path dir) throws Exception {
        ombFileRunsAtItsRate(dir, "nats.yaml", """
                name: NATS
                driverClass: io.openmessaging.benchmark.driver.nats.NatsBenchmarkDriver

                natsHostUrl: localhost:4222

                replicationFactor: 3
                """, List.of("producer.messageIdDedup=true", "topic.storageType=memory"),
                "# Cluster: external, nats://localhost:4222 (named by the driver file)", "replicas=1",
                "storageType=memory", "messageIdDedup=true");

        badDriverFileIsOneLine("""
                name: NATS
                driverClass: io.openmessaging.benchmark.driver.nats.NatsBenchmarkDriver
                natsHostUrl: localhost:4222
                storageType: Disk
                """, "4: storageType: Disk is not a storage type: "
                + "File or Memory", dir);
    }

    /**
     * 10 messages deleted from the stream before the subscription read them are 10 lost, one stamped message
     * published a second time is 1 duplicated; nothing else is lost, duplicated or reordered.
     */
    @Test
    void aGapAndADuplicateMadeOnTheServerAreCountedExactly() throws Exception {
        String topic = "known-faults-nats-" + System.nanoTime();
        try (InProcessWorker worker = InProcessWorker.create();
             Connection c = Nats.connect(NatsAddress.options(NatsSystem.LOCAL, "msgbench-faults"))) {
            worker.initialize(new WorkerSetup("nats", NatsSystem.LOCAL, Map.of(), Map.of(), Map.of(), Map.of(),
                    (short) 1, 1));
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, "s")), Duration.ofSeconds(30));
            worker.createProducers(List.of(new ProducerSpec(topic, 7)),
                    new MessageSpec(256, KeyDistributor.NO_KEY, false, 0, 0, 1, null), 200);
            worker.probe(Duration.ofSeconds(30)); // stream sequence 1
            worker.pauseConsumers();
            worker.startLoad(200, 1);
            Thread.sleep(1_000); // about 200 messages wait in the stream, unread
            JetStreamManagement jsm = c.jetStreamManagement();
            String stream = NatsTopology.name(topic);
            for (long seq = 2; seq <= 11; seq++) {
                assertThat(jsm.deleteMessage(stream, seq)).as("a waiting message").isTrue();
            }
            byte[] copy = new byte[256];
            PayloadStamp.write(copy, 1, 7, 20, 1, 2); // message 20 of producer 7, phase 1, once more
            c.jetStream().publish(stream + ".0", copy);
            KnownFaults.assertCountedExactly(worker, "nats", 10, 1);
        }
    }

    /** A stream setting the driver cannot use is one line before any server work (no server answers there). */
    @Test
    void aStreamSettingItCannotUseIsOneLineBeforeAnyServerWork(@TempDir Path dir) throws Exception {
        CommandLineRun.Outcome o = CommandLineRun.run("--workload",
                REPO.resolve("workloads/1-topic-1-partition-1kb.yaml").toString(), "-d",
                REPO.resolve("drivers/nats/nats.yaml").toString(), "--cluster", "nats://127.0.0.1:1", "-p",
                "topic.storageType=disk", "-rff", dir.resolve("r.json").toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("ERROR: nats: storageType=disk: expected file or memory");
    }

}
