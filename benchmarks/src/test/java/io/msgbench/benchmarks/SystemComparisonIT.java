package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five systems in one run, one engine: each system's servers come when its first scenario does (embedded Kafka, this
 * machine's RabbitMQ, NATS, Redis and Mosquitto), every message of each is verified, and each result names the
 * servers it ran on.
 */
class SystemComparisonIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void allFiveSystemsRunSideBySide(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Outcome o = CommandLineRun.run("SystemComparison", "-p", "producerRate=2000", "-wi", "1", "-w", "1s", "-i", "1", "-r", "3s",
                "-rff", file.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("# Cluster: embedded Kafka", "# Cluster: local RabbitMQ", "# Cluster: local NATS",
                "# Cluster: local Redis", "# Cluster: local MQTT");
        JsonNode results = JSON.readTree(file.toFile());
        assertThat(results).hasSize(5);
        for (JsonNode r : results) {
            JsonNode s = r.get("secondaryMetrics");
            long sent = s.get("messagesSent").get("score").asLong();
            // within 3 %: a 1-s warmup may end ~100 messages behind on this busy machine, and the measurement pays them
            assertThat(sent).as(r.get("params").toString()).isBetween(5_820L, 6_180L);
            assertThat(s.get("messagesReceived").get("score").asLong()).isEqualTo(sent);
            assertThat(s.get("messagesLost").get("score").asLong()).isZero();
        }
        assertThat(results.get(0).get("params").get("client").asText()).isEqualTo("kafka");
        assertThat(results.get(0).get("msgbench").get("configuration").get("broker").get("kind").asText()).isEqualTo("embedded");
        String[] others = {"rabbitmq", "nats", "redis", "mqtt"};
        for (int i = 0; i < others.length; i++) {
            JsonNode r = results.get(i + 1);
            assertThat(r.get("params").get("client").asText()).isEqualTo(others[i]);
            assertThat(r.get("msgbench").get("configuration").get("broker").get("kind").asText()).isEqualTo("local");
        }

        Outcome named = CommandLineRun.run("SystemComparison", "--cluster", "127.0.0.1:9", "-rff",
                dir.resolve("x.json").toString());
        assertThat(named.exitCode()).isEqualTo(1);
        assertThat(named.err().strip()).isEqualTo("ERROR: The scenarios need kafka, rabbitmq, nats, redis, mqtt, but one cluster is named "
                + "(--cluster or a driver file): run them one system at a time");
    }
}
