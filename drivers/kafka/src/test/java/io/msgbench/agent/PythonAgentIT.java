package io.msgbench.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.testing.PythonClients;
import io.msgbench.testing.SharedKafkaBroker;
import io.msgbench.load.PayloadStamp;
import io.msgbench.metrics.EpochNanoClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Python agent with each Python client against a real broker: a schedule of exactly 2,000 messages at
 * 1,000 msg/s is sent on time, stamped as Java stamps, acknowledged and received once each, and reported in
 * the agent's binary events; bad settings are refused in one line naming the client.
 */
@ExtendWith(SharedKafkaBroker.class)
class PythonAgentIT {
    private static final List<String> ADAPTERS = PythonClients.KAFKA_ADAPTERS;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Completed(boolean failed, int phase, int producerId, long sequence, long intended, long send, long ack) {
    }

    record Received(int consumer, int partition, long receive, int phase, int producerId, long sequence, long send) {
    }

    private static final class Events implements AgentEvents.Sink {
        final ConcurrentLinkedQueue<Completed> completed = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
        final AtomicInteger receivedCount = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong lastProgress = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void completed(boolean failed, int phase, int producerId, long sequence, long intended, long send,
                              long ack) {
            completed.add(new Completed(failed, phase, producerId, sequence, intended, send, ack));
        }

        @Override
        public void received(int consumer, int partition, long receive, byte[] frame, int at) {
            byte[] stamp = java.util.Arrays.copyOfRange(frame, at, at + PayloadStamp.SIZE);
            assertThat(PayloadStamp.isStamped(stamp)).isTrue();
            received.add(new Received(consumer, partition, receive, PayloadStamp.phase(stamp),
                    PayloadStamp.producerId(stamp), PayloadStamp.sequence(stamp), PayloadStamp.sendEpochNanos(stamp)));
            receivedCount.incrementAndGet();
        }

        @Override
        public void progress(int producerId, long issued, long segmentFirst, long segmentStart, double segmentRate,
                             long lastIntended, long lastSend) {
            lastProgress.set(issued);
        }
    }

    private static void requireClient(AgentProcess agent, String client) {
        PythonClients.require(client);
    }

    private static Map<String, Object> init(String client, Map<String, String> producer, EpochNanoClock clock) {
        long mono = System.nanoTime();
        long epoch = clock.epochNanos();
        return Map.of("op", "init", "client", client, "bootstrap", SharedKafkaBroker.bootstrapServers(),
                "anchorEpochNs", epoch, "anchorMonotonicNs", mono, "producer", producer,
                "consumer", Map.of("auto.offset.reset", "earliest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"confluent-kafka", "kafka-python", "aiokafka"})
    void sendsTheScheduleOnTimeAndEveryMessageArrivesOnce(String client) throws Exception {
        String topic = "agent-it-" + client + "-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        EpochNanoClock clock = EpochNanoClock.system();
        Events events = new Events();
        CountDownLatch assigned = new CountDownLatch(1);
        try (AgentProcess agent = AgentProcess.start(AgentProcess.DEFAULT_PYTHON, ADAPTERS, events,
                n -> {
                    if ("assigned".equals(n.get("notice").asText())) {
                        assigned.countDown();
                    }
                }, TIMEOUT)) {
            assertThat(agent.hello().get("agent").asInt()).isEqualTo(1);
            requireClient(agent, client);

            JsonNode effective = agent.call(init(client, Map.of("acks", "all", "linger.ms", "5"), clock), TIMEOUT)
                    .get("effective");
            assertThat(effective.get("producer").toString()).contains("linger");

            agent.call(Map.of("op", "consumers", "consumers",
                    List.of(Map.of("index", 0, "topic", topic, "group", topic + "-sub"))), TIMEOUT);
            assertThat(assigned.await(60, TimeUnit.SECONDS)).as(agent.explanation()).isTrue();
            agent.call(Map.of("op", "producers", "producers", List.of(Map.of("id", 7, "topic", topic,
                    "messageSize", 100))), TIMEOUT);

            long start = clock.epochNanos() + 300_000_000L;
            long period = 1_000_000L; // 1,000 msg/s
            int messages = 2_000;
            long at = start + (messages - 1) * period;
            agent.call(Map.of("op", "start", "phase", 1, "schedules", List.of(Map.of("id", 7, "start", start,
                    "rate", 1000))), TIMEOUT);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, at - 300_000_000L - clock.epochNanos())); // stop ahead of 'at'
            agent.call(Map.of("op", "stop", "at", at), TIMEOUT);
            JsonNode stopped = agent.call(Map.of("op", "finish", "payDeadline", at + 10_000_000_000L), TIMEOUT);
            assertThat(stopped.get("producers").get(0).get("issued").asLong()).isEqualTo(messages);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((events.completed.size() < messages || events.receivedCount.get() < messages)
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(events.completed).hasSize(messages);
            assertThat(events.lastProgress.get()).isEqualTo(messages);
            long[] seen = new long[messages];
            for (Completed c : events.completed) {
                assertThat(c.failed()).isFalse();
                assertThat(c.phase()).isEqualTo(1);
                assertThat(c.producerId()).isEqualTo(7);
                assertThat(c.intended()).isEqualTo(start + c.sequence() * period); // the schedule, exactly
                assertThat(c.send()).isGreaterThanOrEqualTo(c.intended());
                assertThat(c.ack()).isGreaterThanOrEqualTo(c.send());
                seen[(int) c.sequence()]++;
            }
            assertThat(seen).containsOnly(1);

            assertThat(events.received).hasSize(messages);
            long[] got = new long[messages];
            for (Received r : events.received) {
                assertThat(r.consumer()).isZero();
                assertThat(r.partition()).isBetween(0, 3);
                assertThat(r.producerId()).isEqualTo(7);
                assertThat(r.phase()).isEqualTo(1);
                assertThat(r.receive()).isGreaterThanOrEqualTo(r.send());
                got[(int) r.sequence()]++;
            }
            assertThat(got).containsOnly(1);

            // on time: at 1,000 msg/s the median send is within a couple of ms of its intended time
            long[] delays = events.completed.stream().mapToLong(c -> c.send() - c.intended()).sorted().toArray();
            assertThat(delays[messages / 2]).as("median publish delay, ns").isLessThan(5_000_000L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"confluent-kafka", "kafka-python", "aiokafka"})
    void aSettingTheClientDoesNotKnowIsRefusedNamingTheClient(String client) {
        EpochNanoClock clock = EpochNanoClock.system();
        try (AgentProcess agent = AgentProcess.start(AgentProcess.DEFAULT_PYTHON, ADAPTERS, new Events(), n -> { },
                TIMEOUT)) {
            requireClient(agent, client);
            assertThatThrownBy(() -> agent.call(init(client, Map.of("no.such.setting", "1"), clock), TIMEOUT))
                    .isInstanceOf(AgentException.class).hasMessageContaining(client).hasMessageContaining("no.such.setting");
            assertThatThrownBy(() -> agent.call(Map.of("op", "start", "schedules", List.of()), TIMEOUT))
                    .hasMessage("start before init");
            assertThatThrownBy(() -> agent.call(init("no-such-client", Map.of(), clock), TIMEOUT))
                    .hasMessageStartingWith("unknown client no-such-client (known: ");
        }
    }
}
