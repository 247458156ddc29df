package io.msgbench.omb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.api.KeyDistributor;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.WorkloadSpec;
import io.msgbench.testing.ConfigOnlyDriverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OmbFilesTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final DriverRegistry KAFKA = DriverRegistry.of(new ConfigOnlyDriverFactory("kafka", "test 1.0",
            Set.of("acks", "linger.ms", "batch.size", "bootstrap.servers", "request.timeout.ms"),
            Set.of("auto.offset.reset", "bootstrap.servers", "request.timeout.ms"),
            Set.of("io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver")));

    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    @Test
    void readsEveryWorkloadKeyAsOmbDoes() throws IOException {
        Path payload = Files.createDirectories(dir.resolve("payload")).resolve("p.data");
        Files.write(payload, new byte[200]);
        Path f = write("w.yaml", """
                name: my workload
                topics: 2
                partitionsPerTopic: 3
                keyDistributor: KEY_ROUND_ROBIN
                messageSize: 200
                payloadFile: payload/p.data
                subscriptionsPerTopic: 2
                consumerPerSubscription: 4
                producersPerTopic: 5
                producerRate: 1500
                consumerBacklogSizeGB: 0
                testDurationMinutes: 3
                warmupDurationMinutes: 0
                """);
        OmbWorkload w = OmbWorkload.read(f, warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(w.name()).isEqualTo("my workload");
        assertThat(w.baseName()).isEqualTo("w");
        assertThat(w.testDuration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(w.warmupDuration()).isZero();
        WorkloadSpec s = w.workload();
        assertThat(List.of(s.topics(), s.partitionsPerTopic(), s.messageSize(), s.subscriptionsPerTopic(),
                s.consumersPerSubscription(), s.producersPerTopic())).containsExactly(2, 3, 200, 2, 4, 5);
        assertThat(s.producerRate()).isEqualTo(1500);
        assertThat(s.keyDistributor()).isEqualTo(KeyDistributor.KEY_ROUND_ROBIN);
        assertThat(Path.of(s.payloadFile())).isEqualTo(payload.toAbsolutePath()); // found beside the workload file
    }

    @Test
    void unknownKeysAndValuesWarnWithTheirLine() throws IOException {
        Path f = write("w.yaml", """
                topics: 1
                partitionsPerTopic: 1
                messageSize: 100
                subscriptionsPerTopic: 1
                consumersPerSubscription: 1
                producersPerTopic: 1
                producerRate: -1
                keyDistributor: BY_COLOUR
                vendorKnob: 3
                """);
        OmbWorkload w = OmbWorkload.read(f, warnings::add);
        assertThat(warnings).containsExactly(
                f + ":9: unknown workload key 'vendorKnob' ignored",
                f + ":8: keyDistributor 'BY_COLOUR' unknown, NO_KEY used (as OMB does); known: "
                        + "[NO_KEY, KEY_ROUND_ROBIN, RANDOM_NANO]");
        assertThat(w.workload().isMaxRate()).isTrue(); // producerRate <= 0
        assertThat(w.warmupDuration()).isEqualTo(Duration.ofMinutes(1)); // OMB's default
        assertThat(w.testDuration()).isNull();
    }

    @Test
    void badValuesAreErrorsWithFileAndLine() throws IOException {
        Path f = write("w.yaml", "topics: 1\npartitionsPerTopic: many\n");
        assertThatThrownBy(() -> OmbWorkload.read(f, warnings::add))
                .hasMessage(f + ":2: partitionsPerTopic: expected a whole number, found 'many'");
        Path zero = write("z.yaml", "topics: 1\npartitionsPerTopic: 0\nmessageSize: 100\n");
        assertThatThrownBy(() -> OmbWorkload.read(zero, warnings::add))
                .hasMessageStartingWith(zero + ":2: partitionsPerTopic: partitionsPerTopic must be at least 1");
        Path broken = write("b.yaml", "topics: [1\n");
        assertThatThrownBy(() -> OmbWorkload.read(broken, warnings::add)).hasMessageContaining(broken + ":")
                .hasMessageContaining("malformed YAML");
        Path list = write("l.yaml", "- a\n- b\n");
        assertThatThrownBy(() -> OmbWorkload.read(list, warnings::add)).hasMessage(list + ": not a YAML mapping of keys to values");
    }

    @Test
    void aPayloadFileOfAnotherSizeNamesBothNumbers() throws IOException {
        Files.write(dir.resolve("p.data"), new byte[1024]);
        Path f = write("w.yaml", "topics: 1\npartitionsPerTopic: 1\nmessageSize: 100\npayloadFile: p.data\n");
        assertThatThrownBy(() -> OmbWorkload.read(f, warnings::add))
                .hasMessage(f + ":4: payloadFile: payloadFile " + dir.resolve("p.data") + " has 1024 bytes but "
                        + "messageSize is 100");
    }

    @Test
    void readsADriverFileAndWarnsAboutWhatTheClientDoesNotKnow() throws IOException {
        Path f = write("kafka-x.yaml", """
                name: Kafka
                driverClass: io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver
                replicationFactor: 3
                reset: true
                topicConfig: |
                  min.insync.replicas=2
                commonConfig: |
                  bootstrap.servers=kafka1:9092
                producerConfig: |
                  acks=all
                  linger.ms=1
                  frobnicate=yes
                consumerConfig: |
                  auto.offset.reset=earliest
                extra: 1
                """);
        OmbDriver d = OmbDriver.read(f, KAFKA, warnings::add);
        assertThat(warnings).containsExactly(f + ":15: unknown driver key 'extra' ignored",
                f + ":9: producerConfig: 'frobnicate' is not a producer setting of kafka test 1.0; passed through as written");
        assertThat(d.name()).isEqualTo("Kafka");
        assertThat(d.client()).isEqualTo("kafka");
        assertThat(d.replicationFactor()).isEqualTo((short) 3);
        assertThat(d.topicConfig()).containsExactly(java.util.Map.entry("min.insync.replicas", "2"));
        assertThat(d.producerConfig()).containsEntry("acks", "all").containsEntry("frobnicate", "yes");
        assertThat(d.bootstrapServers()).isEqualTo("kafka1:9092");

        Path unknown = write("pulsar.yaml", "name: Pulsar\ndriverClass: io.openmessaging.benchmark.driver.pulsar.PulsarBenchmarkDriver\n");
        assertThatThrownBy(() -> OmbDriver.read(unknown, KAFKA, warnings::add))
                .hasMessage(unknown + ":2: driverClass: no msgbench driver for "
                        + "io.openmessaging.benchmark.driver.pulsar.PulsarBenchmarkDriver; known: "
                        + "[io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver] (or a msgbench driver name, e.g. kafka)");
    }

    @Test
    void workloadsTimesDriversAreNamedAsOmbResults() throws IOException {
        Path w = write("1-topic.yaml", "topics: 1\npartitionsPerTopic: 1\nmessageSize: 100\nsubscriptionsPerTopic: 1\n"
                + "consumerPerSubscription: 1\nproducersPerTopic: 1\nproducerRate: 100\ntestDurationMinutes: 2\n");
        Path d1 = write("kafka-a.yaml", "name: Kafka\ndriverClass: kafka\ncommonConfig: |\n  bootstrap.servers=x:1\n");
        Path d2 = write("kafka-b.yaml", "name: Kafka\ndriverClass: kafka\nreplicationFactor: 2\n");
        List<Scenario> s = OmbPlanner.plan(List.of(OmbWorkload.read(w, warnings::add)),
                List.of(OmbDriver.read(d1, KAFKA, warnings::add), OmbDriver.read(d2, KAFKA, warnings::add)),
                new IterationOverrides(null, null, null, Duration.ofSeconds(5), null, null));
        assertThat(s).hasSize(2);
        assertThat(s.get(0).benchmark().className()).isEqualTo("omb.1-topic");
        assertThat(s.get(0).params()).containsEntry("driver", "Kafka").containsEntry("driverConfig", "kafka-a");
        assertThat(s.get(0).common()).doesNotContainKey("bootstrap.servers"); // the run's cluster decides
        assertThat(s.get(1).replicationFactor()).isEqualTo((short) 2);
        // OMB's durations: warmup 1 minute (default), test 2 minutes; -r 5s overrides the latter
        assertThat(s.get(0).iterations().warmupIterations()).isEqualTo(1);
        assertThat(s.get(0).iterations().warmupTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.get(0).iterations().measurementIterations()).isEqualTo(1);
        assertThat(s.get(0).iterations().measurementTime()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void dashPSetsWorkloadFieldsAndClientSettingsOverTheFiles() throws IOException {
        Path w = write("w.yaml", "topics: 1\npartitionsPerTopic: 1\nmessageSize: 100\nsubscriptionsPerTopic: 1\n"
                + "consumerPerSubscription: 1\nproducersPerTopic: 1\nproducerRate: 100\nconsumerBacklogSizeGB: 10\n");
        Path d = write("kafka-a.yaml", "name: Kafka\ndriverClass: kafka\nproducerConfig: |\n  linger.ms=1\n");
        List<OmbWorkload> ws = List.of(OmbWorkload.read(w, warnings::add));
        List<OmbDriver> ds = List.of(OmbDriver.read(d, KAFKA, warnings::add));
        IterationOverrides none = new IterationOverrides(null, null, null, null, null, null);
        List<Scenario> s = OmbPlanner.plan(ws, ds, none, java.util.Map.of("consumerBacklogSizeGB", List.of("0.05"),
                "messageSize", List.of("100", "200"), "producer.linger.ms", List.of("7")));
        assertThat(s).hasSize(2);
        assertThat(s).allSatisfy(x -> {
            assertThat(x.workload().consumerBacklogSizeGB()).isEqualTo(0.05);
            assertThat(x.producer()).containsEntry("linger.ms", "7");
        });
        assertThat(s).extracting(x -> x.workload().messageSize()).containsExactly(100, 200);
        assertThat(s.get(1).params()).containsEntry("messageSize", "200").containsEntry("driverConfig", "kafka-a");
        assertThatThrownBy(() -> OmbPlanner.plan(ws, ds, none, java.util.Map.of("acks", List.of("1"))))
                .hasMessageStartingWith("-p acks: on OMB files, -p sets workload fields");
        assertThatThrownBy(() -> OmbPlanner.plan(ws, ds, none, java.util.Map.of("driver", List.of("x"))))
                .hasMessageStartingWith("-p driver: on OMB files the driver files choose the client");
    }

    @Test
    void everyShippedWorkloadAndDriverFileReadsWithoutWarnings() throws IOException {
        List<Path> workloads;
        List<Path> drivers;
        try (Stream<Path> w = Files.list(REPO.resolve("workloads")); Stream<Path> d = Files.list(REPO.resolve("drivers/kafka"))) {
            workloads = w.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            drivers = d.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(workloads).extracting(p -> p.getFileName().toString()).contains("simple-workload.yaml",
                "1-topic-1-partition-100b.yaml", "1-topic-1-partition-1kb.yaml", "1-topic-16-partitions-1kb.yaml",
                "1-topic-100-partitions-1kb-4p-4c-200k.yaml", "max-rate-1-topic-16-partitions-1kb.yaml",
                "backlog-1-topic-16-partitions-1kb.yaml");
        assertThat(drivers).extracting(p -> p.getFileName().toString()).contains("kafka-latency.yaml",
                "kafka-throughput.yaml", "kafka-big-batches.yaml", "kafka-exactly-once.yaml",
                "kafka-compression-lz4.yaml", "kafka-compression-zstd.yaml");
        for (Path w : workloads) {
            OmbWorkload.read(w, warnings::add);
        }
        for (Path d : drivers) {
            assertThat(OmbDriver.read(d, KAFKA, x -> { }).bootstrapServers()).as(d.toString()).isNull();
        }
        assertThat(warnings).isEmpty();
    }

    /** Our own files in the shapes of OMB's corpus: unthrottled, producer-only, 64 KiB, many producers. */
    @Test
    void everyCorpusWorkloadReadsWithoutWarnings() throws IOException {
        List<Path> corpus;
        try (Stream<Path> w = Files.list(REPO.resolve("workloads/corpus"))) {
            corpus = w.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(12);
        int producerOnly = 0;
        int unthrottled = 0;
        for (Path w : corpus) {
            OmbWorkload workload = OmbWorkload.read(w, warnings::add);
            producerOnly += workload.workload().subscriptionsPerTopic() == 0 ? 1 : 0;
            unthrottled += workload.workload().producerRate() == 10_000_000 ? 1 : 0;
        }
        assertThat(warnings).isEmpty();
        assertThat(producerOnly).isGreaterThanOrEqualTo(2);
        assertThat(unthrottled).isGreaterThanOrEqualTo(8);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
