package io.msgbench.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.api.KeyDistributor;
import io.msgbench.driver.kafka.broker.EmbeddedBrokerOptions;
import io.msgbench.driver.kafka.broker.EmbeddedKafkaBroker;
import io.msgbench.load.PayloadStamp;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.testing.KnownFaults;
import io.msgbench.testing.PythonClients;
import io.msgbench.worker.InProcessWorker;
import io.msgbench.worker.Worker;
import io.msgbench.worker.WorkerGroup;
import io.msgbench.worker.PhaseStats;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.DrainResult;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerSetup;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known-answer measurements (DESIGN §7.3) against a broker process of their own, which one of them
 * freezes: what msgbench measures must match what the situation makes true. The exact shapes are proved
 * on the manual clock ({@code CoordinatedOmissionTest}); here the margins are wide enough for a broker
 * and a load generator sharing two cores, and each bound is stated where it is asserted.
 */
class KnownAnswerIT {
    private static final long MS = 1_000_000L;
    private static final Duration WARMUP = Duration.ofSeconds(2);
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * 100 msg/s into one partition with linger.ms=50 and batches that never fill: a batch leaves 50 ms
     * after its first message, so the messages of a batch wait 50, 40, ... 0 ms: publish latency is
     * uniform over [0, 50] ms plus one round trip.
     */
    @ParameterizedTest
    @ValueSource(strings = {"kafka", "confluent-kafka", "kafka-python", "aiokafka"})
    void lingerShowsAsPublishLatencyUniformUpToTheLinger(String client) throws Exception {
        PhaseSnapshot s = measure(client, "linger", Map.of("linger.ms", "50", "batch.size", "1048576"), 100, 100,
                Duration.ofSeconds(10), null).snapshot();
        Histogram publish = s.histogram(LatencyMetric.PUBLISH_LATENCY);
        report(client + " linger", publish);
        assertThat(publish.getTotalCount()).isBetween(990L, 1010L);
        assertThat(publish.getValueAtPercentile(50)).isBetween(15 * MS, 40 * MS);
        assertThat(publish.getValueAtPercentile(99)).isBetween(45 * MS, 80 * MS);
    }

    /**
     * Publish rate over the measured window within 1 % of the target at 1,000 and 10,000 msg/s of 1 KiB
     * and 50,000 msg/s of 100 B (the broker keeps up with all three here).
     */
    @ParameterizedTest
    @ValueSource(strings = {"kafka", "confluent-kafka"})
    void publishRateKeepsTheTargetWithinOnePercent(String client) throws Exception {
        double[][] cases = client.equals("kafka") ? new double[][] {{1_000, 1024}, {10_000, 1024}, {50_000, 100}}
                : new double[][] {{1_000, 1024}, {10_000, 1024}};
        for (double[] c : cases) {
            double target = c[0];
            PhaseStats stats = measure(client, "rate", Map.of(), target, (int) c[1], Duration.ofSeconds(5), null);
            double seconds = stats.durationNanos(0) / 1e9;
            double rate = stats.snapshot().messagesSent() / seconds;
            System.out.printf("%s rate: target %.0f msg/s of %d B: measured %.1f msg/s (%+.3f %%), debt at end %d%n",
                    client, target, (int) c[1], rate, (rate / target - 1) * 100, stats.scheduleDebt());
            assertThat(rate).as("publish rate at %.0f msg/s", target).isBetween(target * 0.99, target * 1.01);
        }
    }

    /**
     * 1,000 msg/s with the broker frozen (SIGSTOP) for 2 s, 3 s into a 10 s measurement. Every message
     * intended in the first second of the freeze is received at least 1 s late, after the freeze, so the
     * corrected end-to-end latency has a maximum of at least 1.9 s and at least 1,000 × (1 s + recovery)
     * values of 1 s or more; we hold ≥ 950 (one message per ms, minus timer slack) and, for the
     * recovery on two shared cores, at most 6,000 (recovery under 5 s).
     */
    @ParameterizedTest
    @ValueSource(strings = {"kafka", "confluent-kafka"})
    void aFrozenBrokerShowsInTheCorrectedLatencyAsTheStallItWas(String client) throws Exception {
        PhaseSnapshot s = measure(client, "stall", Map.of(), 1_000, 1024, Duration.ofSeconds(10),
                frozenFor(3_000, 2_000)).snapshot();
        Histogram corrected = s.histogram(LatencyMetric.END_TO_END_LATENCY_CORRECTED);
        report(client + " stall corrected", corrected);
        report(client + " stall uncorrected", s.histogram(LatencyMetric.END_TO_END_LATENCY));
        long atLeastOneSecond = corrected.getTotalCount() - corrected.getCountBetweenValues(0, 999 * MS);
        System.out.printf("%s stall: %d of %d corrected e2e values >= 1 s%n", client, atLeastOneSecond,
                corrected.getTotalCount());
        assertThat(corrected.getMaxValue()).isGreaterThanOrEqualTo(1_900 * MS).isLessThan(8_000 * MS);
        assertThat(atLeastOneSecond).isBetween(950L, 6_000L);
        assertThat(s.messagesLost()).isZero();
    }

    /**
     * The same freeze with a producer whose send() blocks once its 32 KiB buffer is full: messages are
     * sent late, so the uncorrected end-to-end latency (from the actual send) stays low while the
     * corrected one (from the intended time) shows the stall — what the correction exists to show. A 2 s
     * freeze 1 s into a 5 s measurement leaves ≥ 1,000 of 5,000 messages (20 %) at ≥ 1 s corrected, so
     * its p90 is ≥ 1 s; only the ~30 messages buffered when the freeze began wait in the client, so
     * the uncorrected p90 stays under 250 ms.
     */
    @Test
    void aBlockingSendHidesTheStallFromTheUncorrectedLatencyOnly() throws Exception {
        Map<String, String> blocking = Map.of("buffer.memory", "32768", "batch.size", "16384");
        PhaseSnapshot s = measure("kafka", "stall-blocking", blocking, 1_000, 1024, Duration.ofSeconds(5),
                frozenFor(1_000, 2_000)).snapshot();
        Histogram corrected = s.histogram(LatencyMetric.END_TO_END_LATENCY_CORRECTED);
        Histogram uncorrected = s.histogram(LatencyMetric.END_TO_END_LATENCY);
        report("blocking corrected", corrected);
        report("blocking uncorrected", uncorrected);
        report("blocking publish delay", s.histogram(LatencyMetric.PUBLISH_DELAY_LATENCY));
        assertThat(corrected.getValueAtPercentile(90)).isGreaterThanOrEqualTo(1_000 * MS);
        assertThat(uncorrected.getValueAtPercentile(90)).isLessThan(250 * MS);
        assertThat(s.histogram(LatencyMetric.PUBLISH_DELAY_LATENCY).getMaxValue()).isGreaterThanOrEqualTo(1_500 * MS);
        assertThat(s.messagesLost()).isZero();
    }

    /** What runs during the measurement: given its start (System.nanoTime()), returns when done. */
    private interface During {
        void run(long startNanos) throws Exception;
    }

    /** Freezes the broker {@code afterMillis} into the measurement for {@code forMillis}; always resumes it. */
    private static During frozenFor(long afterMillis, long forMillis) {
        return start -> {
            sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(afterMillis));
            signal("STOP");
            try {
                Thread.sleep(forMillis);
            } finally {
                signal("CONT");
            }
        };
    }

    private static void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(broker.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s", name).isZero();
    }

    /**
     * One producer and one consumer on a new topic: a warmup phase, then a measured phase of
     * {@code measurement} during which {@code during} runs; stops, drains, returns the measured phase.
     */
    private static PhaseStats measure(String client, String name, Map<String, String> producerConfig, double rate,
                                      int messageSize, Duration measurement, During during) throws Exception {
        if (!client.equals("kafka")) {
            PythonClients.require(client);
        }
        try (InProcessWorker worker = InProcessWorker.create()) {
            worker.initialize(new WorkerSetup(client, broker.bootstrapServers(), Map.of(), producerConfig, Map.of(),
                    Map.of(), (short) 1, 2));
            String topic = "known-" + name + "-" + System.nanoTime();
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, topic + "-s")), Duration.ofSeconds(60));
            worker.createProducers(List.of(new ProducerSpec(topic, 1)),
                    new MessageSpec(messageSize, KeyDistributor.NO_KEY, false, 0, 0, 1, null), rate);
            worker.probe(Duration.ofSeconds(30));
            worker.startLoad(rate, 1);
            Thread.sleep(WARMUP.toMillis());
            worker.beginPhase(2);
            long start = System.nanoTime();
            if (during != null) {
                during.run(start);
            }
            sleepUntil(start + measurement.toNanos());
            worker.stopLoad(Duration.ofSeconds(30));
            DrainResult drain = worker.drain(Duration.ofSeconds(60));
            assertThat(drain.complete()).as(drain.toString()).isTrue();
            return worker.phaseStats(2);
        }
    }

    /**
     * Faults made on the broker, counted exactly through every client: 10 acknowledged messages deleted from the
     * log before any consumer read them ({@code deleteRecords} while the consumer is paused) are 10 lost, and
     * one stamped message produced a second time is 1 duplicated; nothing else is lost, duplicated or reordered.
     */
    @ParameterizedTest
    @ValueSource(strings = {"kafka", "confluent-kafka", "kafka-python", "aiokafka"})
    void aGapAndADuplicateMadeOnTheBrokerAreCountedExactly(String client) throws Exception {
        if (!client.equals("kafka")) {
            PythonClients.require(client);
        }
        try (InProcessWorker worker = InProcessWorker.create()) {
            countsFaultsExactly(worker, client);
        }
    }

    /**
     * The same faults with the producer on one worker and the consumer on another (a {@link WorkerGroup} of two):
     * the coordinator's verification over both workers' receipts counts them exactly too.
     */
    @Test
    void aGapAndADuplicateAreCountedExactlyAcrossWorkers() throws Exception {
        try (WorkerGroup group = new WorkerGroup(List.of(InProcessWorker.create(), InProcessWorker.create()))) {
            countsFaultsExactly(group, "kafka");
        }
    }

    private static void countsFaultsExactly(Worker worker, String client) throws Exception {
        String topic = "known-faults-" + client + "-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            worker.initialize(new WorkerSetup(client, broker.bootstrapServers(), Map.of(), Map.of(), Map.of(),
                    Map.of(), (short) 1, 1));
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, topic + "-s")), Duration.ofSeconds(60));
            worker.createProducers(List.of(new ProducerSpec(topic, 7)),
                    new MessageSpec(256, KeyDistributor.NO_KEY, false, 0, 0, 1, null), 200);
            worker.probe(Duration.ofSeconds(30)); // offset 0, received: the consumer reads from offset 1 on
            worker.pauseConsumers();
            Thread.sleep(500); // a pause takes effect within one poll (100 ms for the agents' consumers)
            worker.startLoad(200, 1);
            Thread.sleep(1_000); // about 200 messages wait in the log, unread
            TopicPartition partition = new TopicPartition(topic, 0);
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(11))).all().get(30, TimeUnit.SECONDS);
            byte[] copy = new byte[256];
            PayloadStamp.write(copy, 1, 7, 20, 1, 2); // message 20 of producer 7, phase 1, once more
            try (KafkaProducer<byte[], byte[]> extra = new KafkaProducer<>(Map.of("bootstrap.servers",
                    broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
                extra.send(new ProducerRecord<>(topic, copy)).get(30, TimeUnit.SECONDS);
            }
            KnownFaults.assertCountedExactly(worker, client, 10, 1);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static void report(String what, Histogram h) {
        System.out.printf("%s: count %d, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }
}
