package io.msgbench.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.api.KeyDistributor;
import io.msgbench.load.PayloadPool;
import io.msgbench.load.PayloadStamp;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.testing.PythonClients;
import io.msgbench.testing.SharedKafkaBroker;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.DrainResult;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worker seam against a real broker with the Kafka driver: the same steps the iteration loop takes. */
@ExtendWith(SharedKafkaBroker.class)
class InProcessWorkerIT {

    /** The Java client, and the Python clients through their agents: one engine, the same answers. */
    @ParameterizedTest
    @ValueSource(strings = {"kafka", "confluent-kafka", "kafka-python", "aiokafka"})
    void phasesAttributeEveryMessageAndTheDrainAccountsForThemAll(String client) throws Exception {
        if (!client.equals("kafka")) {
            PythonClients.require(client);
        }
        String prefix = "worker-it-" + client + "-" + System.nanoTime();
        try (InProcessWorker worker = InProcessWorker.create()) {
            worker.initialize(new WorkerSetup(client, SharedKafkaBroker.bootstrapServers(), Map.of(),
                    Map.of("linger.ms", "1"), Map.of(), Map.of(), (short) 1, 2));
            List<String> topics = List.of(prefix + "-a", prefix + "-b");
            worker.createTopics(topics, 2);
            // two subscriptions on each topic, the first shared by two consumers
            worker.createConsumers(List.of(new ConsumerSpec(topics.get(0), prefix + "-s1"),
                    new ConsumerSpec(topics.get(0), prefix + "-s1"), new ConsumerSpec(topics.get(0), prefix + "-s2"),
                    new ConsumerSpec(topics.get(1), prefix + "-s1"), new ConsumerSpec(topics.get(1), prefix + "-s2")),
                    Duration.ofSeconds(60));
            // keyed round robin and a randomized pool: what a Kafka client does with keys and varied payloads
            worker.createProducers(List.of(new ProducerSpec(topics.get(0), 1), new ProducerSpec(topics.get(1), 2)),
                    new MessageSpec(100, KeyDistributor.KEY_ROUND_ROBIN, true, 0.5, 10, 42, null), 800);
            assertThat(worker.probe(Duration.ofSeconds(30))).isPositive();

            long start = worker.startLoad(400, 1);
            Thread.sleep(1000);
            long boundary = worker.beginPhase(2);
            worker.adjustRate(800, Worker.OwedMessages.SEND);
            Thread.sleep(1000);
            long end = worker.stopLoad(Duration.ofSeconds(30));
            DrainResult drain = worker.drain(Duration.ofSeconds(30));

            PhaseStats one = worker.phaseStats(1);
            PhaseStats two = worker.phaseStats(2);
            assertThat(one.startEpochNanos()).isEqualTo(start);
            assertThat(one.endEpochNanos()).isEqualTo(boundary);
            assertThat(two.startEpochNanos()).isEqualTo(boundary);
            assertThat(two.endEpochNanos()).isEqualTo(end);
            double seconds1 = (boundary - start) / 1e9;
            double seconds2 = (end - boundary) / 1e9;
            // the schedule, not the timer, decides how many messages each phase sends: ±1 per producer and edge
            // (the phase boundary, the rate change a moment after it, the stop); an agent's producers see the stop
            // through their process a few ms late on a busy machine (850 for 840 ± 6 once with confluent-kafka)
            assertThat(one.snapshot().messagesSent()).isBetween(Math.round(400 * seconds1) - 4, Math.round(400 * seconds1) + 4);
            assertThat(two.snapshot().messagesSent()).isBetween(Math.round(800 * seconds2) - 6, Math.round(800 * seconds2) + 16);
            // every message reached both subscriptions of its topic, attributed to the phase that sent it
            assertThat(drain.complete()).as(drain.toString()).isTrue();
            assertThat(one.snapshot().messagesReceived()).isEqualTo(2 * one.snapshot().messagesSent());
            assertThat(two.snapshot().messagesReceived()).isEqualTo(2 * two.snapshot().messagesSent());
            assertThat(drain.expected()).isEqualTo(drain.received())
                    .isEqualTo(2 * (one.snapshot().messagesSent() + two.snapshot().messagesSent()));
            assertThat(one.snapshot().publishErrors()).isZero();
            for (LatencyMetric m : LatencyMetric.values()) {
                assertThat(two.snapshot().histogram(m).getTotalCount()).as(m.resultName())
                        .isEqualTo(m.resultName().startsWith("endToEnd") ? 2 * two.snapshot().messagesSent()
                                : two.snapshot().messagesSent());
            }
            assertThat(two.snapshot().histogram(LatencyMetric.END_TO_END_LATENCY).getValueAtPercentile(50)).isPositive();
            assertPayloadsAreTheProducersPool(topics.get(0), PayloadPool.randomized(100, 0.5, 10, 42L * 31 + 1));
        }
    }

    /** What follows each stamp on the broker is one of the producer's pool, whatever the client (compression sees it). */
    private static void assertPayloadsAreTheProducersPool(String topic, PayloadPool pool) {
        java.util.Set<String> tails = new java.util.HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            tails.add(java.util.HexFormat.of().formatHex(pool.buffer(i), 32, 100));
        }
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers",
                SharedKafkaBroker.bootstrapServers(), "auto.offset.reset", "earliest", "group.id", topic + "-check"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            int checked = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (checked < 100 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (PayloadStamp.isStamped(r.value()) && PayloadStamp.phase(r.value()) != PayloadStamp.PROBE_PHASE) {
                        assertThat(r.value()).hasSize(100);
                        assertThat(tails).contains(java.util.HexFormat.of().formatHex(r.value(), 32, 100));
                        assertThat(r.key()).isNotNull().hasSize(7); // KEY_ROUND_ROBIN: the Java producer's keys
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(100);
        }
    }

    /**
     * An agent killed mid-run: the next step fails with the agent's exit code, the worker's failure check names
     * the producers, and closing leaves no agent process behind.
     */
    @Test
    void aKilledAgentFailsTheStepWithItsExitCodeAndLeavesNoProcess() throws Exception {
        PythonClients.require("confluent-kafka");
        String topic = "worker-it-killed-" + System.nanoTime();
        InProcessWorker worker = InProcessWorker.create();
        try {
            worker.initialize(new WorkerSetup("confluent-kafka", SharedKafkaBroker.bootstrapServers(), Map.of(),
                    Map.of(), Map.of(), Map.of(), (short) 1, 2));
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, topic + "-s")), Duration.ofSeconds(60));
            worker.createProducers(List.of(new ProducerSpec(topic, 1)),
                    new MessageSpec(100, KeyDistributor.NO_KEY, false, 0, 0, 1, null), 200);
            worker.probe(Duration.ofSeconds(30));
            worker.startLoad(200, 1);
            Thread.sleep(500);
            List<ProcessHandle> agents = agents();
            assertThat(agents).hasSize(2); // one for the consumer, one for the producer
            agents.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle a : agents) {
                a.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> worker.beginPhase(2)).hasMessageContaining("the agent exited with code 137");
        } finally {
            worker.close();
        }
        assertThat(agents()).isEmpty();
    }

    private static List<ProcessHandle> agents() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains("agent.py")).toList();
    }

        @Test
    void unknownDriverIsOneLineNamingTheKnownOnes() {
        try (InProcessWorker worker = InProcessWorker.create()) {
            assertThatThrownBy(() -> worker.initialize(new WorkerSetup("nats", "x:1", Map.of(), Map.of(), Map.of(),
                    Map.of(), (short) 1, 1))).hasMessage("Unknown client 'nats'; known drivers: aiokafka, confluent-kafka, kafka, kafka-python");
        }
    }
}
