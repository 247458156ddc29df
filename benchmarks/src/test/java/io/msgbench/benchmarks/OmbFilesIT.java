package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.SharedKafkaBroker;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** OMB workload and driver files, run unchanged (the payload file is the repository's own). */
@ExtendWith(SharedKafkaBroker.class)
class OmbFilesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESOURCES = Path.of("src/test/resources/omb").toAbsolutePath();

    @Test
    void aVendorWorkloadRunsWithOneWarningNamingItsKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        CommandLineRun.Outcome o = CommandLineRun.run("--workload", RESOURCES.resolve("vendor-workload.yaml").toString(),
                "-d", RESOURCES.resolve("kafka-single.yaml").toString(), "-wi", "0", "-i", "1", "-r", "2s", "-f", "0",
                "-rff", file.toString(), "--bootstrap", SharedKafkaBroker.bootstrapServers(), "-rf", "html");
        assertThat(o.exitCode()).as(o.err() + o.out()).isZero();
        // -rf adds formats beside the JSON, which compare, report and the CI tools read: it is always written
        assertThat(dir.resolve("r.html")).isRegularFile();
        assertThat(file).isRegularFile();
        assertThat(o.out().lines().filter(l -> l.startsWith("# WARNING:")))
                .containsExactly("# WARNING: " + RESOURCES.resolve("vendor-workload.yaml")
                        + ":14: unknown workload key 'vendorTopicTier' ignored");
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        assertThat(r.get("benchmark").asText()).isEqualTo("omb.vendor-workload.endToEndLatencyCorrected");
        assertThat(r.get("params").get("driver").asText()).isEqualTo("Kafka");
        assertThat(r.get("params").get("driverConfig").asText()).isEqualTo("kafka-single");
        assertThat(r.get("measurementTime").asText()).isEqualTo("2 s"); // -r wins over testDurationMinutes
        assertThat(r.get("secondaryMetrics").get("publishRate").get("score").asDouble()).isBetween(475.0, 525.0);
        assertThat(r.get("secondaryMetrics").get("messagesLost").get("score").asLong()).isZero();
        assertThat(r.get("msgbench").get("configuration").get("workload").get("payloadFile").asText())
                .isEqualTo(Path.of("..", "payload", "payload-1Kb.data").toAbsolutePath().normalize().toString());
    }

    /** -rf json,omb: OMB's result file beside the JMH JSON, with the same figures in OMB's units. */
    @Test
    void anOmbResultFileCarriesTheFiguresOfTheJmhJson(@TempDir Path dir) throws Exception {
        CommandLineRun.Outcome o = CommandLineRun.run("--workload", RESOURCES.resolve("vendor-workload.yaml").toString(),
                "-d", RESOURCES.resolve("kafka-single.yaml").toString(), "-wi", "0", "-i", "1", "-r", "3s", "-f", "0",
                "--report-interval", "1s", "-rf", "json,omb", "-rff", dir.resolve("r.json").toString(),
                "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(o.exitCode()).as(o.err() + o.out()).isZero();
        assertThat(o.out().lines().filter(l -> l.matches(" +[12] s: pub .*"))).hasSize(2); // live lines at 1 s, 2 s
        List<Path> omb;
        try (var files = Files.list(dir)) {
            omb = files.filter(f -> f.getFileName().toString().matches(
                    "vendor-workload-Kafka-\\d{4}-\\d\\d-\\d\\d-\\d\\d-\\d\\d-\\d\\d\\.json")).toList();
        }
        assertThat(omb).hasSize(1);
        JsonNode r = JSON.readTree(omb.get(0).toFile());
        JsonNode jmh = JSON.readTree(dir.resolve("r.json").toFile()).get(0).get("secondaryMetrics");

        assertThat(r.get("workload").asText()).isEqualTo("vendor workload");
        assertThat(r.get("driver").asText()).isEqualTo("Kafka");
        assertThat(r.get("publishRate")).hasSize(3); // three 1-s periods
        double sentInPeriods = 0;
        for (JsonNode rate : r.get("publishRate")) {
            assertThat(rate.asDouble()).isBetween(350.0, 650.0); // 500 msg/s, periods of about 1 s
            sentInPeriods += rate.asDouble();
        }
        assertThat(sentInPeriods).isCloseTo(jmh.get("messagesSent").get("score").asDouble(), within(25.0));
        for (String[] pair : new String[][] {{"PublishLatency", "publishLatency"},
                {"EndToEndLatency", "endToEndLatency"}}) {
            JsonNode percentiles = jmh.get(pair[1]).get("scorePercentiles");
            assertThat(r.get("aggregated" + pair[0] + "50pct").asDouble()).isEqualTo(percentiles.get("50.0").asDouble());
            assertThat(r.get("aggregated" + pair[0] + "99pct").asDouble()).isEqualTo(percentiles.get("99.0").asDouble());
            assertThat(r.get("aggregated" + pair[0] + "999pct").asDouble()).isEqualTo(percentiles.get("99.9").asDouble());
            assertThat(r.get("aggregated" + pair[0] + "Max").asDouble()).isEqualTo(percentiles.get("100.0").asDouble());
        }
        JsonNode delay = jmh.get("publishDelayLatency").get("scorePercentiles"); // ms there, µs in OMB's file
        assertThat(r.get("aggregatedPublishDelayLatency99pct").asDouble())
                .isCloseTo(delay.get("99.0").asDouble() * 1000, within(0.5));
        assertThat(r.get("aggregatedPublishDelayLatencyMax").asDouble())
                .isCloseTo(delay.get("100.0").asDouble() * 1000, within(0.5));
    }

    /**
     * OMB's own command line ({@code omb -d driver.yaml -o result.json workload.yaml}, then msgbench's run options) on
     * a driver whose producers acknowledge one message without sending it: OMB's result file at {@code -o}, msgbench's
     * JSON beside it, and the lost message marks the result: exit code 4 and a line that says why.
     */
    @Test
    void ombsCommandLineWritesItsResultAtMinusOAndALostMessageFailsTheRun(@TempDir Path dir) throws Exception {
        Path omb = dir.resolve("result.json");
        Path jmh = dir.resolve("msgbench.json");
        CommandLineRun.Outcome o = CommandLineRun.run("omb", "-d", RESOURCES.resolve("kafka-lossy.yaml").toString(),
                "-o", omb.toString(), RESOURCES.resolve("vendor-workload.yaml").toString(),
                "-wi", "0", "-i", "1", "-r", "2s", "-f", "0", "-to", "3s", "-rff", jmh.toString(),
                "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(o.exitCode()).as(o.err() + o.out()).isEqualTo(4);
        assertThat(o.out().lines().filter(l -> l.startsWith("# Marked: "))).singleElement().asString()
                .endsWith(": 1 lost");
        assertThat(o.out()).contains("# Exit code 4: a result is marked (--fail-on loss,errors,schedule)");
        JsonNode r = JSON.readTree(omb.toFile());
        assertThat(r.get("workload").asText()).isEqualTo("vendor workload");
        assertThat(r.get("driver").asText()).isEqualTo("KafkaLossy");
        JsonNode secondaries = JSON.readTree(jmh.toFile()).get(0).get("secondaryMetrics");
        assertThat(secondaries.get("messagesLost").get("score").asLong()).isEqualTo(1);
        assertThat(o.out()).contains("WARNING: 1 of ", " expected deliveries lost (acknowledged, never received by "
                + "their subscription; none arrived in the drain's last second)");
    }

    /** The representative sample of scripts/omb-matrix.sh (DESIGN §7.2): shipped files, replication 3. */
    @Test
    void aShippedWorkloadRunsWithOmbsLatencyDriverOnAThreeBrokerEmbeddedCluster(@TempDir Path dir) throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path file = dir.resolve("r.json");
        CommandLineRun.Outcome o = CommandLineRun.run("--workload",
                repo.resolve("workloads/1-topic-1-partition-1kb.yaml").toString(),
                "-d", repo.resolve("drivers/kafka/kafka-latency.yaml").toString(), "--embedded",
                // the file's 50,000 msg/s is beyond a cold 3-broker cluster on 2 shared cores (it would be a
                // throughput result, see UnthrottledWorkloadIT): a rate it holds keeps this a latency result
                "-p", "producerRate=5000", "-wi", "0", "-i", "1", "-r", "2s", "-f", "0", "-rff", file.toString(),
                // the embedded brokers tuned from the command line, recorded in the result
                "--broker-heap", "600m", "--broker-config", "num.io.threads=4");
        assertThat(o.exitCode()).as(o.err() + o.out()).isZero();
        assertThat(o.out()).contains("# Cluster: embedded Kafka", "3 brokers at",
                "all brokers share this machine: functional, not a capacity figure");
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        assertThat(r.get("benchmark").asText()).isEqualTo("omb.1-topic-1-partition-1kb.endToEndLatencyCorrected");
        assertThat(r.get("params").get("driverConfig").asText()).isEqualTo("kafka-latency");
        JsonNode config = r.get("msgbench").get("configuration");
        assertThat(config.get("broker").get("settings").get("msgbench.cluster.brokers").asText()).isEqualTo("3");
        assertThat(config.get("broker").get("settings").get("num.io.threads").asText()).isEqualTo("4");
        assertThat(config.get("broker").get("settings").get("msgbench.broker.jvm.options").asText())
                .contains("-Xms600m -Xmx600m");
        assertThat(o.out()).contains("; tuned: heap 600m, num.io.threads=4");
        assertThat(config.get("topic").get("min.insync.replicas").asText()).isEqualTo("2");
        assertThat(config.get("producer").get("batch.size").asText()).isEqualTo("131072");
        assertThat(r.get("secondaryMetrics").get("messagesSent").get("score").asLong()).isPositive();
        assertThat(r.get("secondaryMetrics").get("messagesLost").get("score").asLong()).isZero();
    }

    @Test
    void aDriverFilesClusterThatDoesNotAnswerSaysSoAndSuggestsEmbedded(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path driver = Files.writeString(dir.resolve("kafka-remote.yaml"), Files.readString(
                RESOURCES.resolve("kafka-single.yaml")) + "commonConfig: |\n  bootstrap.servers=127.0.0.1:" + port + "\n");
        long start = System.nanoTime();
        CommandLineRun.Outcome o = CommandLineRun.run("--workload", RESOURCES.resolve("vendor-workload.yaml").toString(),
                "-d", driver.toString(), "-wi", "0", "-i", "1", "-r", "1s", "-rff", dir.resolve("r.json").toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err()).contains("127.0.0.1:" + port).contains("--embedded runs on the embedded broker instead");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(dir.resolve("r.json")).doesNotExist();
    }
}
