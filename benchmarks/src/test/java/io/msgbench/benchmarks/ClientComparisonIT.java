package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.ResultWarnings;
import io.msgbench.testing.CommandLineRun.Outcome;
import io.msgbench.testing.PythonClients;
import io.msgbench.testing.SharedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python clients through the command line: a comparison with the Java client in forked workers, every
 * message accounted for and the reports side by side; a missing interpreter, package or an impossible setting is
 * one line before any broker work.
 */
@ExtendWith(SharedKafkaBroker.class)
class ClientComparisonIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void javaAndPythonClientsSideBySide(@TempDir Path dir) throws Exception {
        PythonClients.require("kafka-python");
        PythonClients.require("confluent-kafka");
        Path file = dir.resolve("r.json");
        Outcome o = CommandLineRun.run("ClientComparison", "-p", "client=kafka,kafka-python,confluent-kafka",
                "-p", "producerRate=1000", "-wi", "0", "-i", "1", "-r", "6s", "-rff", file.toString(), "-rf",
                "json,md,html", "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("# Client: kafka-python (kafka-python ", "# Client: confluent-kafka (confluent-kafka ",
                "Python 3");
        JsonNode results = JSON.readTree(file.toFile());
        List<String> clients = new ArrayList<>();
        for (JsonNode r : results) {
            String client = r.get("params").get("client").asText();
            clients.add(client);
            JsonNode s = r.get("secondaryMetrics");
            long sent = s.get("messagesSent").get("score").asLong();
            // 6 s: a Python consumer's fetch in flight at the iteration's end (93 messages once) stays within the
            // backlog growth a 6-s iteration allows (111 at 1,000 msg/s), as it did not always within 3 s (81)
            assertThat(sent).as(client).isBetween(5_900L, 6_100L);
            assertThat(s.get("messagesReceived").get("score").asLong()).as(client).isEqualTo(sent);
            assertThat(s.get("messagesLost").get("score").asLong()).as(client).isZero();
            assertThat(s.get("messagesDuplicated").get("score").asLong()).as(client).isZero();
            assertThat(s.get("workerCpuPerMessage").get("score").asDouble()).as(client).isPositive();
            assertThat(s.has("agentCpuPerMessage")).as(client).isEqualTo(!client.equals("kafka"));
            // a Python agent's generator may fall behind on a busy 2-core host: nothing about the messages may be said
            assertThat(ResultWarnings.aboutTheMessages(r.get("msgbench").get("warnings"))).as(client).isEmpty();
            // the client's effective configuration, pinned and recorded in its own names
            JsonNode producer = r.get("msgbench").get("configuration").get("producer");
            switch (client) {
                case "kafka-python" -> assertThat(producer.get("linger_ms").asText()).isEqualTo("5");
                case "confluent-kafka" -> assertThat(producer.get("linger.ms").asText()).isEqualTo("5");
                default -> assertThat(producer.get("enable.idempotence").asText()).isEqualTo("false");
            }
            assertThat(producer.get("acks").asText()).isEqualTo("all");
        }
        assertThat(clients).containsExactly("kafka", "kafka-python", "confluent-kafka");
        String md = Files.readString(dir.resolve("r.md"));
        assertThat(md).contains("| client | enable.idempotence | producerRate | publish msg/s | consume msg/s |",
                "agent CPU µs/msg", "\n| kafka | false | 1000 | 1,000 |", "\n| kafka-python | false | 1000 | 1,000 |",
                "\n| confluent-kafka | false | 1000 | 1,000 |", "### Every latency",
                "### Effective client settings", "linger_ms=5");
        assertThat(Files.readString(dir.resolve("r.html"))).contains("<td>kafka-python</td>", "Every latency");
    }

    @Test
    void noInterpreterIsOneLineBeforeAnyBrokerWork(@TempDir Path dir) {
        Outcome o = CommandLineRun.run("ClientComparison", "-p", "client=kafka-python", "-p",
                "python=" + dir.resolve("no-python"), "-rff", dir.resolve("x.json").toString(), "--bootstrap", "127.0.0.1:1");
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("ERROR: client=kafka-python (Python " + dir.resolve("no-python")
                + "): no Python interpreter at " + dir.resolve("no-python"));
        assertThat(o.out()).doesNotContain("Cluster");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    /** An interpreter that cannot see Debian's packages (no site directories) stands for one without the client. */
    @Test
    void aMissingPackageIsOneLineNamingWhatToInstall(@TempDir Path dir) throws Exception {
        Path python = dir.resolve("python-without-packages");
        Files.writeString(python, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        Outcome o = CommandLineRun.run("ClientComparison", "-p", "client=confluent-kafka", "-p", "python=" + python,
                "-rff", dir.resolve("x.json").toString(), "--bootstrap", "127.0.0.1:1");
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().lines().toList()).singleElement().asString()
                .startsWith("ERROR: client=confluent-kafka (Python " + python + "): ")
                .contains("cannot import the confluent-kafka client", "apt-get install python3-confluent-kafka");
        assertThat(o.out()).doesNotContain("Cluster");
    }

    @Test
    void aSettingTheClientCannotHonourIsOneLineNamingIt(@TempDir Path dir) {
        PythonClients.require("confluent-kafka");
        PythonClients.require("kafka-python");
        Outcome acks = CommandLineRun.run("ClientComparison", "-p", "client=confluent-kafka", "-p", "acks=2",
                "-rff", dir.resolve("x.json").toString(), "--bootstrap", "127.0.0.1:1");
        assertThat(acks.exitCode()).isEqualTo(1);
        assertThat(acks.err().strip()).isEqualTo("ERROR: client=confluent-kafka (Python /usr/bin/python3): acks must "
                + "be all, -1, 0 or 1, was 2");
        Outcome linger = CommandLineRun.run("ClientComparison", "-p", "client=kafka-python", "-p", "linger.ms=abc",
                "-rff", dir.resolve("x.json").toString(), "--bootstrap", "127.0.0.1:1");
        assertThat(linger.exitCode()).isEqualTo(1);
        assertThat(linger.err().strip()).isEqualTo("ERROR: client=kafka-python (Python /usr/bin/python3): linger_ms "
                + "must be a whole number, was abc");
        assertThat(linger.out()).doesNotContain("Cluster");
    }
}
