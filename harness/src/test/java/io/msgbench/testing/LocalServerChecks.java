package io.msgbench.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Assumptions;

/**
 * What every system's integration tests share against this machine's servers (../shared/services.md): a server
 * that must answer (in CI, where .ci/run starts it, a failure; elsewhere a skip), and the known-answer rate run.
 */
public final class LocalServerChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The repository's root, seen from a driver module's directory. */
    public static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    private LocalServerChecks() {
    }

    /** Aborts the test class (fails it in CI) unless {@code answers} returns without throwing. */
    public static void requireServer(String what, Callable<?> answers) {
        try {
            answers.call();
        } catch (Throwable e) {
            String why = "no " + what + " (" + e + ")";
            if (System.getenv("MSGBENCH_CI") != null) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
    }

    /**
     * OMB's 16-partition workload through {@code driverFile} (relative to the repository) at {@code rate}: a 2 s
     * warmup, 4 s measured; the rate is held within 1 %, every message arrives once, nothing is marked.
     *
     * @return the result
     */
    public static JsonNode rateHeldAndEveryMessageOnce(String driverFile, int rate, String clusterLine, Path dir)
            throws Exception {
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
        assertThat(r.get("msgbench").get("warnings")).isEmpty();
        return r;
    }

    /** A run on a server that does not answer at {@code address} ends within seconds, in one line {@code expected...}. */
    public static void unansweredServerIsOneLine(String driverFile, String address, String expected, Path dir)
            throws Exception {
        long start = System.nanoTime();
        CommandLineRun.Outcome o = CommandLineRun.run("--workload",
                REPO.resolve("workloads/1-topic-1-partition-1kb.yaml").toString(), "-d",
                REPO.resolve(driverFile).toString(), "--cluster", address, "-rff", dir.resolve("r.json").toString());
        assertThat(o.exitCode()).isNotZero();
        assertThat(o.err().strip()).startsWith(expected);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(15));
    }

    /**
     * An OMB driver file {@code yaml} with a bad value ends before any server work in one line, {@code ERROR: <file>:}
     * then {@code expected}.
     */
    public static void badDriverFileIsOneLine(String yaml, String expected, Path dir) throws Exception {
        Path driver = dir.resolve("bad-driver.yaml");
        java.nio.file.Files.writeString(driver, yaml);
        CommandLineRun.Outcome bad = CommandLineRun.run("--workload",
                REPO.resolve("workloads/1-topic-1-partition-1kb.yaml").toString(), "-d", driver.toString(),
                "-rff", dir.resolve("bad.json").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("ERROR: " + driver + ":" + expected);
    }
}
