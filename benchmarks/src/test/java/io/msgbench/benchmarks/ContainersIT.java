package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * {@code --containers}: each system's server in a container of its own (Testcontainers). Where a Docker engine runs,
 * all five systems run in containers side by side; where none does (this machine, CI), the option is one line before
 * any scenario work, and the container run is skipped — Testcontainers' own logging stays quiet either way.
 */
class ContainersIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean dockerAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Test
    void withoutADockerEngineTheOptionIsOneLineAtOnce(@TempDir Path dir) throws Exception {
        Assumptions.assumeFalse(dockerAnswers(), "a Docker engine answers here");
        long start = System.nanoTime();
        Path file = dir.resolve("r.json");
        Outcome o = CommandLineRun.run("SystemComparison", "--containers", "-rff", file.toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().strip()).startsWith("ERROR: No Docker engine answers: --containers starts the servers with "
                + "Testcontainers, which needs one");
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.out()).doesNotContain("# Scenario");
        assertThat(Files.exists(file)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void containersAndANamedClusterExcludeEachOther(@TempDir Path dir) throws Exception {
        Outcome o = CommandLineRun.run("SystemComparison", "--containers", "--cluster", "127.0.0.1:9092", "-rff",
                dir.resolve("r.json").toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("ERROR: --containers and --cluster exclude each other: choose where the "
                + "servers run");
    }

    @Test
    @EnabledIf("dockerAnswers")
    void allFiveSystemsRunInContainersSideBySide(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Outcome o = CommandLineRun.run("SystemComparison", "--containers", "-p", "producerRate=1000", "-wi", "1", "-w",
                "2s", "-i", "1", "-r", "3s", "-rff", file.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode results = JSON.readTree(file.toFile());
        assertThat(results).hasSize(5);
        for (JsonNode r : results) {
            JsonNode s = r.get("secondaryMetrics");
            assertThat(s.get("messagesReceived").get("score").asLong()).as(r.get("params").toString())
                    .isEqualTo(s.get("messagesSent").get("score").asLong());
            assertThat(r.get("msgbench").get("configuration").get("broker").get("kind").asText()).isEqualTo("container");
        }
    }
}
