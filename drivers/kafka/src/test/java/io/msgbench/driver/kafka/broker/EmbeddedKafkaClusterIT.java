package io.msgbench.driver.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A 3-node embedded KRaft cluster: replicated topics work (OMB's replication-3 files), and closing leaves nothing. */
class EmbeddedKafkaClusterIT {

    @Test
    void threeNodesReplicateAndLeaveNothingBehind() throws Exception {
        List<Path> dirs;
        List<Long> pids;
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaBroker.startCluster(EmbeddedBrokerOptions.defaults(), 3)) {
            System.out.println("3-node cluster started in " + cluster.startDuration().toMillis() + " ms");
            assertThat(cluster.size()).isEqualTo(3);
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            assertThat(cluster.settings()).containsEntry(EmbeddedKafkaCluster.BROKERS_SETTING, "3")
                    .containsEntry(EmbeddedKafkaCluster.NOTE_SETTING, EmbeddedKafkaCluster.SHARED_MACHINE_NOTE);
            pids = cluster.pids();
            dirs = List.of(cluster.dataDirectory().orElseThrow());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
                admin.createTopics(List.of(new NewTopic("replicated", 2, (short) 3)
                        .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);
                TopicDescription d = describeOnceKnown(admin, "replicated");
                assertThat(d.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("replicated", "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
                }
            }
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "g");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            int received = 0;
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("replicated"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (received < 10 && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                    received += records.count();
                }
            }
            assertThat(received).isEqualTo(10);
        }
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d", pid).isFalse();
        }
        assertThat(dirs).allSatisfy(d -> assertThat(Files.exists(d)).isFalse());
    }

    /**
     * The topic's description once the broker answering knows it: a new topic's metadata reaches the other
     * brokers of the cluster a moment after the creation returns.
     */
    private static TopicDescription describeOnceKnown(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
