package io.msgbench.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.driver.MessagingSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every system run on this machine's own server must show (../shared/services.md; .ci/run starts the servers):
 * the known-answer rate through its driver file, and a server that does not answer said in one line. A system's
 * integration test extends it and adds its own (faults counted exactly, OMB's driver file). Without its server the
 * class is skipped, except in CI, where that fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LocalServerContract {
    /** The repository's root, seen from a driver module's directory. */
    public static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessagingSystem system;
    private final String driverFile;
    private final String clusterLine;
    private final String silentAddress;
    private final String silentLine;

    /**
     * @param driverFile    msgbench's driver file of the system, relative to the repository
     * @param clusterLine   how the console starts naming this machine's server, e.g. {@code # Cluster: local NATS }
     * @param silentAddress an address where nothing answers, e.g. {@code nats://127.0.0.1:1}
     * @param silentLine    how the error line about it starts
     */
    protected LocalServerContract(MessagingSystem system, String driverFile, String clusterLine, String silentAddress,
                                  String silentLine) {
        this.system = system;
        this.driverFile = driverFile;
        this.clusterLine = clusterLine;
        this.silentAddress = silentAddress;
        this.silentLine = silentLine;
    }

    @BeforeAll
    final void needsTheLocalServer() {
        try {
            system.startEmbedded(1, MessagingSystem.LOOPBACK).close();
        } catch (RuntimeException e) {
            String why = "no " + system.name() + " server on this machine (" + e.getMessage() + ")";
            if (System.getenv("MSGBENCH_CI") != null) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
    }

    /**
     * OMB's 16-partition workload through the driver file, a 2 s warmup and 4 s measured: the rate held within 1 %,
     * every message received once, nothing lost, duplicated or failed, no warning about the messages.
     */
    // 10,000 msg/s was too near what RabbitMQ holds on 2 cores shared with the load (its warmup ended 0.5 s behind once)
    @ParameterizedTest
    @ValueSource(ints = {1_000, 5_000})
    void aWorkloadRunsAtItsRateAndEveryMessageArrivesOnce(int rate, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        CommandLineRun.Outcome o = CommandLineRun.run("--workload",
                REPO.resolve("workloads/1-topic-16-partitions-1kb.yaml").toString(), "-d",
                REPO.resolve(driverFile).toString(), "-p", "producerRate=" + rate, "-wi", "1",
                "-w", "2s", "-i", "1", "-r", "4s", "-f", "0", "-rff", file.toString());
        System.out.println(o.out());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains(clusterLine);
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        JsonNode s = r.get("secondaryMetrics");
        long sent = s.get("messagesSent").get("score").asLong();
        assertThat(sent).isBetween((long) (rate * 4 * 0.99), (long) (rate * 4 * 1.01));
        assertThat(s.get("messagesReceived").get("score").asLong()).isEqualTo(sent);
        assertThat(s.get("messagesLost").get("score").asLong()).isZero();
        assertThat(s.get("messagesDuplicated").get("score").asLong()).isZero();
        assertThat(s.get("publishErrors").get("score").asLong()).isZero();
        // the machine's diagnosis (host CPU, consumers behind on a busy host) may speak; nothing about the messages may
        assertThat(ResultWarnings.aboutTheMessages(r.get("msgbench").get("warnings"))).isEmpty();
    }

    /** A run on a server that does not answer ends within seconds, in one line naming the system and address. */
    @Test
    void aServerThatDoesNotAnswerIsOneLine(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        CommandLineRun.Outcome o = CommandLineRun.run("--workload",
                REPO.resolve("workloads/1-topic-1-partition-1kb.yaml").toString(), "-d",
                REPO.resolve(driverFile).toString(), "--cluster", silentAddress, "-rff",
                dir.resolve("r.json").toString());
        assertThat(o.exitCode()).isNotZero();
        assertThat(o.err().strip()).startsWith(silentLine);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    /**
     * An OMB driver file {@code yaml}, written as {@code dir/name}, runs unchanged: OMB's 1-partition workload at 1,000
     * msg/s for 3 s with the parameters {@code params} ({@code -p} values), every message received once, the console
     * holding {@code consoleLines}.
     */
    protected static void ombFileRunsAtItsRate(Path dir, String name, String yaml, java.util.List<String> params,
                                               String... consoleLines) throws Exception {
        Path driver = dir.resolve(name);
        Files.writeString(driver, yaml);
        Path file = dir.resolve("omb.json");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--workload",
                REPO.resolve("workloads/1-topic-1-partition-1kb.yaml").toString(), "-d", driver.toString(), "-p",
                "producerRate=1000", "-wi", "0", "-i", "1", "-r", "3s", "-f", "0", "-rff", file.toString()));
        params.forEach(v -> args.addAll(java.util.List.of("-p", v)));
        CommandLineRun.Outcome o = CommandLineRun.run(args.toArray(String[]::new));
        assertThat(o.exitCode()).as(o.err() + o.out()).isZero();
        assertThat(o.out()).contains(consoleLines);
        JsonNode s = JSON.readTree(file.toFile()).get(0).get("secondaryMetrics");
        long sent = s.get("messagesSent").get("score").asLong();
        assertThat(sent).isBetween(2_970L, 3_030L);
        assertThat(s.get("messagesReceived").get("score").asLong()).isEqualTo(sent);
        assertThat(s.get("messagesLost").get("score").asLong()).isZero();
        assertThat(s.get("messagesDuplicated").get("score").asLong()).isZero();
    }

    /**
     * An OMB driver file {@code yaml} with a bad value ends before any server work in one line, {@code ERROR: <file>:}
     * then {@code expected}.
     */
    protected static void badDriverFileIsOneLine(String yaml, String expected, Path dir) throws Exception {
        Path driver = dir.resolve("bad-driver.yaml");
        Files.writeString(driver, yaml);
        CommandLineRun.Outcome bad = CommandLineRun.run("--workload",
                REPO.resolve("workloads/1-topic-1-partition-1kb.yaml").toString(), "-d", driver.toString(),
                "-rff", dir.resolve("bad.json").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("ERROR: " + driver + ":" + expected);
    }
}
