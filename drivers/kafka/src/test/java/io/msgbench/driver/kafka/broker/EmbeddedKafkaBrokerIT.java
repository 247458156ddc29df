package io.msgbench.driver.kafka.broker;

import io.msgbench.broker.BrokerHandle;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import io.msgbench.testing.SharedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@ExtendWith(SharedKafkaBroker.class)
class EmbeddedKafkaBrokerIT {
    /** How long a child may take to notice it should go, stop Kafka (bounded at 5 s) and delete its directory. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(15);

    @Test
    void createsATopicAndCarriesARecord(BrokerHandle broker) throws Exception {
        String topic = "embedded-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(config(broker, BrokerClientSettings.admin()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> producerConfig = config(broker, BrokerClientSettings.producer());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 1, "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        TopicPartition partition = new TopicPartition(topic, 1);
        Map<String, Object> consumerConfig = config(broker, BrokerClientSettings.consumer());
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            ConsumerRecord<String, String> received = null;
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    received = r;
                }
            }
            assertThat(received).isNotNull();
            assertThat(received.value()).isEqualTo("hello");
        }

        assertThat(broker.kind()).isEqualTo("embedded");
        assertThat(broker.version()).isEqualTo(AppInfoParser.getVersion());
        assertThat(broker.settings()).containsEntry("num.io.threads", "2")
                .containsEntry("auto.create.topics.enable", "false")
                .containsKey(EmbeddedKafkaBroker.JVM_OPTIONS_SETTING);
    }

    @Test
    void startSweepsOrphanedDirectoriesAndCloseLeavesNothingBehind(@TempDir Path results) throws Exception {
        Path orphan = OwnedTempDirectories.root().resolve("msgbench-broker-" + TestProcesses.deadPid() + "-it");
        Files.createDirectories(orphan.resolve("data"));

        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults());
        try {
            assertThat(orphan).doesNotExist();
            ProcessHandle child = broker.process();
            Path dir = broker.directory();
            assertThat(child.isAlive()).isTrue();
            assertThat(dir.getFileName().toString()).startsWith("msgbench-broker-" + ProcessHandle.current().pid() + "-");
            assertThat(broker.copyLogTo(results).orElseThrow()).content().contains(EmbeddedBrokerMain.READY_LINE);

            broker.close();

            assertThat(child.isAlive()).isFalse();
            assertThat(child.descendants()).isEmpty();
            assertThat(dir).doesNotExist();
            assertThat(broker.logFile()).isEmpty();
            assertThat(broker.copyLogTo(results)).isEmpty();
            broker.close();
        } finally {
            broker.close();
        }
    }

    @Test
    void portsTakenBeforeTheBrokerBindsThemAreReplaced() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            // Attempt 1 finds its listener port taken, attempt 2 its controller port; attempt 3 gets free ones.
            Queue<Integer> ports = new ArrayDeque<>(List.of(port, EmbeddedKafkaBroker.freeLoopbackPort(),
                    EmbeddedKafkaBroker.freeLoopbackPort(), port));
            IntSupplier raced = () -> ports.isEmpty() ? EmbeddedKafkaBroker.freeLoopbackPort() : ports.remove();

            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults(), raced)) {
                assertThat(broker.bootstrapServers()).isNotEqualTo("127.0.0.1:" + port);
                assertThat(broker.settings().get("controller.quorum.voters")).doesNotEndWith(":" + port);
                // Attempts append to one log; each formats its storage once.
                assertThat(Files.readAllLines(broker.logFile().orElseThrow()))
                        .filteredOn(l -> l.startsWith("msgbench broker: storage formatted"))
                        .hasSize(EmbeddedKafkaBroker.MAX_ATTEMPTS);
                try (Admin admin = Admin.create(config(broker, BrokerClientSettings.admin()))) {
                    assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
                }
            }
        }
    }

    @Test
    void brokerStopsAndDeletesItsDirectoryWhenItsParentIsKilled() throws Exception {
        Process host = new ProcessBuilder(TestProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                KillableHost.class.getName()).redirectErrorStream(true).start();
        long childPid = -1;
        Path dir = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> out.lines()
                    .filter(l -> l.startsWith(KillableHost.READY)).findFirst().orElse("host exited early"))
                    .get(90, TimeUnit.SECONDS);
            assertThat(ready).startsWith(KillableHost.READY);
            String[] fields = ready.split(" ");
            dir = Path.of(fields[1]);
            childPid = Long.parseLong(fields[2]);
            assertThat(dir).isDirectory();

            host.destroyForcibly(); // SIGKILL: no shutdown hook runs in the host
            host.waitFor();

            long pid = childPid;
            Path brokerDir = dir;
            assertThat(eventually(() -> ProcessHandle.of(pid).isEmpty() && !Files.exists(brokerDir)))
                    .as("broker child %d and %s gone within %s", pid, brokerDir, GONE_WITHIN).isTrue();
        } finally {
            host.destroyForcibly();
            if (childPid > 0) {
                ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (dir != null) {
                OwnedTempDirectories.deleteRecursively(dir);
            }
        }
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + GONE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    private static Map<String, Object> config(BrokerHandle broker, Map<String, String> timeouts) {
        Map<String, Object> config = new HashMap<>(timeouts);
        config.put("bootstrap.servers", broker.bootstrapServers());
        return config;
    }

    /** A JVM that starts a broker, prints where it is and waits to be killed. */
    static final class KillableHost {
        static final String READY = "HOST-READY";

        public static void main(String[] args) throws InterruptedException {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults());
            System.out.println(READY + " " + broker.directory() + " " + broker.process().pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
