package io.msgbench.driver.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.testing.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The driver against a real broker: topics, settings as sent, sends acknowledged, messages delivered. */
@ExtendWith(SharedKafkaBroker.class)
class KafkaDriverIT {

    @Test
    void isRegisteredAsKafka() {
        assertThat(DriverRegistry.load().get("kafka").clientVersion()).startsWith("kafka-clients 4.");
    }

    @Test
    void producesAndConsumesThroughTheSpi() throws Exception {
        String topic = "kafka-driver-it-" + System.nanoTime();
        try (MessagingDriver driver = new KafkaDriverFactory().create()) {
            MessagingDriver.EffectiveClientConfig config = driver.initialize(new DriverContext(
                    SharedKafkaBroker.bootstrapServers(), Map.of("client.id", "it"), Map.of("linger.ms", "1"),
                    Map.of(), Map.of("retention.ms", "600000"), (short) 1, EpochNanoClock.system()));
            // every setting that moves results is explicit; user settings win over defaults
            assertThat(config.producer()).containsEntry("linger.ms", "1").containsEntry("acks", "all")
                    .containsEntry("batch.size", "16384").containsEntry("client.id", "it")
                    .containsEntry("delivery.timeout.ms", "30000");
            assertThat(config.consumer()).containsEntry("group.protocol", "classic")
                    .doesNotContainKey("delivery.timeout.ms");

            driver.createTopics(List.of(topic), 3, Duration.ofSeconds(30));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()))) {
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(3);
            }

            int messages = 200;
            CountDownLatch received = new CountDownLatch(messages);
            Set<Integer> partitions = ConcurrentHashMap.newKeySet();
            ConsumerHandle consumer = driver.createConsumer(topic, topic + "-sub", (partition, payload, t) -> {
                assertThat(payload).hasSize(64);
                partitions.add(partition);
                received.countDown();
            });
            assertThat(consumer.awaitAssignment(Duration.ofSeconds(30))).isTrue();

            ProducerHandle producer = driver.createProducer(topic, 1024);
            CountDownLatch acked = new CountDownLatch(messages);
            AtomicInteger errors = new AtomicInteger();
            byte[] payload = new byte[64];
            for (int i = 0; i < messages; i++) {
                payload[0] = (byte) i; // reused buffer: the driver must have copied it
                producer.send(new byte[] {(byte) i}, payload, i, (token, error) -> {
                    if (error != null) {
                        errors.incrementAndGet();
                    }
                    acked.countDown();
                });
            }
            producer.flush();
            assertThat(acked.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(errors.get()).isZero();
            assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(partitions).hasSize(3);
            driver.deleteTopics(List.of(topic), Duration.ofSeconds(30));
        }
    }

    @Test
    void sendErrorsReachTheListener() throws Exception {
        try (MessagingDriver driver = new KafkaDriverFactory().create()) {
            driver.initialize(new DriverContext(SharedKafkaBroker.bootstrapServers(), Map.of(),
                    Map.of("max.request.size", "2000"), Map.of(), Map.of(), (short) 1, EpochNanoClock.system()));
            String topic = "kafka-driver-err-" + System.nanoTime();
            driver.createTopics(List.of(topic), 1, Duration.ofSeconds(30));
            ProducerHandle producer = driver.createProducer(topic, 1024);
            CountDownLatch done = new CountDownLatch(1);
            Exception[] error = new Exception[1];
            producer.send(null, new byte[10_000], 7, (token, e) -> {
                error[0] = e;
                done.countDown();
            });
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(error[0]).isNotNull().hasMessageContaining("larger than");
            driver.deleteTopics(List.of(topic), Duration.ofSeconds(30));
        }
    }
}
