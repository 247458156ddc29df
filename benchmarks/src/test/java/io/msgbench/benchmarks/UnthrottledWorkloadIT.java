package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.SharedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OMB's unthrottled workloads ({@code producerRate: 10000000}: as fast as the producers go), with and without a
 * subscription: a throughput result whose rate is what happened, never the schedule's, a bounded stop, and the
 * unsent messages counted.
 */
@ExtendWith(SharedKafkaBroker.class)
class UnthrottledWorkloadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DRIVER = Path.of("src/test/resources/omb/kafka-single.yaml").toAbsolutePath();

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void anUnreachableRateIsAThroughputResult(int subscriptions, @TempDir Path dir) throws Exception {
        Path workload = dir.resolve("unthrottled.yaml");
        Files.writeString(workload, String.join("\n", "name: unthrottled", "topics: 1", "partitionsPerTopic: 1",
                "messageSize: 100", "subscriptionsPerTopic: " + subscriptions,
                "consumerPerSubscription: " + subscriptions, "producersPerTopic: 1", "producerRate: 10000000",
                "testDurationMinutes: 1", ""));
        Path file = dir.resolve("r.json");
        long start = System.nanoTime();
        CommandLineRun.Outcome o = runOnce(workload, "3s", file);
        double seconds = (System.nanoTime() - start) / 1e9;
        // the stop does not try to pay ~30 million owed messages: set-up, 3 s, the drain of what was sent
        assertThat(seconds).as(o.out()).isLessThan(45);

        JsonNode r = JSON.readTree(file.toFile()).get(0);
        assertThat(r.get("benchmark").asText()).isEqualTo("omb.unthrottled.publishRate");
        assertThat(r.get("mode").asText()).isEqualTo("thrpt");
        JsonNode iteration = r.get("msgbench").get("forks").get(0).get("iterations").get(0);
        double windowSeconds = iteration.get("durationNanos").asLong() / 1e9;
        assertThat(windowSeconds).isBetween(3.0, 3.5); // the window is the iteration, not stretched by the debt
        long sent = iteration.get("messagesSent").asLong();
        double rate = r.get("primaryMetric").get("score").asDouble();
        assertThat(rate).isCloseTo(sent / windowSeconds, within(1e-6 * rate)).isGreaterThan(1_000.0);
        assertThat(r.get("primaryMetric").get("scoreUnit").asText()).isEqualTo("ops/s");

        JsonNode secondary = r.get("secondaryMetrics");
        long unsent = secondary.get("messagesUnsent").get("score").asLong();
        assertThat(unsent).isGreaterThan(10_000_000L); // 30 million due in 3 s, far more than sent
        assertThat(r.get("msgbench").get("saturation").get("messagesUnsent").asLong()).isEqualTo(unsent);
        assertThat(r.get("msgbench").get("warnings").get(0).asText()).startsWith("schedule unreachable:");
        assertThat(secondary.has("publishLatency")).isTrue();
        for (String dominated : new String[] {"publishDelayLatency", "publishLatencyCorrected",
                "endToEndLatencyCorrected"}) {
            assertThat(secondary.has(dominated)).as(dominated).isFalse();
        }
        assertThat(o.out()).contains("schedule unreachable: the producers sent");
        if (subscriptions > 0) {
            assertThat(secondary.get("messagesLost").get("score").asLong()).isZero();
            assertThat(secondary.get("messagesReceived").get("score").asLong()).isEqualTo(sent);
            assertThat(secondary.has("endToEndLatency")).isTrue();
        } else {
            assertThat(secondary.has("consumeRate")).isFalse();
        }
    }

    @Test
    void aProducerOnlyWorkloadAtAReachableRateIsNamedAfterItsPublishLatency(@TempDir Path dir) throws Exception {
        Path workload = dir.resolve("producer-only.yaml");
        // OMB's producer-only shape: no subscription, whatever consumerPerSubscription says
        Files.writeString(workload, String.join("\n", "name: producer only", "topics: 1", "partitionsPerTopic: 2",
                "messageSize: 100", "subscriptionsPerTopic: 0", "consumerPerSubscription: 1", "producersPerTopic: 2",
                "producerRate: 2000", "testDurationMinutes: 1", ""));
        Path file = dir.resolve("r.json");
        runOnce(workload, "2s", file);
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        assertThat(r.get("benchmark").asText()).isEqualTo("omb.producer-only.publishLatencyCorrected");
        assertThat(r.get("mode").asText()).isEqualTo("sample");
        assertThat(r.get("secondaryMetrics").get("publishRate").get("score").asDouble()).isBetween(1_900.0, 2_100.0);
        assertThat(r.get("secondaryMetrics").get("messagesUnsent").get("score").asLong()).isZero();
        assertThat(r.get("msgbench").has("saturation")).isFalse();
    }

    /** One of our OMB-shaped corpus files, unchanged: several producers and consumers at an unreachable rate. */
    @Test
    void aCorpusWorkloadWithSeveralProducersRunsUnchanged(@TempDir Path dir) throws Exception {
        Path workload = Path.of("../workloads/corpus/unthrottled-1-topic-100-partitions-100b-4p-4c.yaml")
                .toAbsolutePath().normalize();
        Path file = dir.resolve("r.json");
        runOnce(workload, "3s", file);
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        assertThat(r.get("benchmark").asText()).isEqualTo("omb.unthrottled-1-topic-100-partitions-100b-4p-4c.publishRate");
        JsonNode secondary = r.get("secondaryMetrics");
        assertThat(secondary.get("messagesLost").get("score").asLong()).isZero();
        assertThat(secondary.get("messagesDuplicated").get("score").asLong()).isZero();
        assertThat(secondary.get("messagesReceived").get("score").asLong())
                .isEqualTo(secondary.get("messagesSent").get("score").asLong());
        assertThat(secondary.get("consumeRate").get("score").asDouble()).isPositive();
    }

    /** One measurement iteration of {@code workload} with the single-broker driver file, in this JVM; exit 0. */
    private static CommandLineRun.Outcome runOnce(Path workload, String time, Path resultFile) {
        CommandLineRun.Outcome o = CommandLineRun.run("--workload", workload.toString(), "-d", DRIVER.toString(),
                "-wi", "0", "-i", "1", "-r", time, "-f", "0", "-rff", resultFile.toString(),
                "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(o.exitCode()).as(o.err() + o.out()).isZero();
        return o;
    }
}
