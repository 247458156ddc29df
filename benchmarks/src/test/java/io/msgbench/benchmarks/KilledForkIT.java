package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.SharedKafkaBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it: a fork killed in the middle of its scenario is reported with its exit
 * code, and the rest of the plan still runs (no -foe).
 */
@ExtendWith(SharedKafkaBroker.class)
class KilledForkIT {
    private static final Pattern FORK = Pattern.compile("# Fork 1 of 1: JVM pid (\\d+)");

    @Test
    void aForkKilledMidRunIsReportedAndTheRestOfThePlanRuns(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "benchmarks.jar");
        assertThat(jar).as("the shaded jar is built before integration tests").isRegularFile();
        Path file = dir.resolve("r.json");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "LatencyTest", "-p", "producerRate=500", "-p", "partitionsPerTopic=2",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "4s", "-rff", file.toString(),
                "--bootstrap", SharedKafkaBroker.bootstrapServers())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        boolean killed = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                Matcher m = FORK.matcher(line);
                if (!killed && m.find()) {
                    long pid = Long.parseLong(m.group(1));
                    Thread.sleep(3000); // into the measurement iteration
                    killed = ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
                }
            }
        }
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = String.join("\n", lines);
        assertThat(killed).as(output).isTrue();
        assertThat(run.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("ERROR: scenario LatencyTest (client=kafka, acks=1, ")
                .contains("the fork exited with code 137")
                .contains("Result \"io.msgbench.benchmarks.LatencyTest.endToEndLatencyCorrected\" {client=kafka, acks=all");
        JsonNode results = new ObjectMapper().readTree(Files.readString(file));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("params").get("acks").asText()).isEqualTo("all");
        // the dead fork could not delete its topic; the host did
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .noneMatch(t -> t.matches("msgbench-.*-s1-f1-t0"));
        }
    }
}
