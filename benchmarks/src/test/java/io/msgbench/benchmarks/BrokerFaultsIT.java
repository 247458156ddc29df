package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.driver.kafka.broker.EmbeddedBrokerOptions;
import io.msgbench.driver.kafka.broker.EmbeddedKafkaBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the broker under a run, each on a broker of its own (issue 16): the run ends with a clear message and a
 * result or a clean failure, the scenarios completed before the fault kept, no hang (every wait bounded), no process
 * of the run left behind. The shaded jar runs as a user runs it; the fault comes once the second scenario's load is
 * on (its "Set up" line).
 */
class BrokerFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The whole run, fault included, ends within this: nothing waits without bound. */
    private static final long RUN_BOUND_SECONDS = 150;

    /** What the run printed and how it ended. */
    private record Ended(int exitCode, String output, Path result, List<ProcessHandle> children) {
    }

    /** Runs LatencyTest (acks=1, then all) against {@code broker}, applying {@code fault} in the second scenario. */
    private static Ended runWithFault(EmbeddedKafkaBroker broker, Path dir, Consumer<EmbeddedKafkaBroker> fault,
                                      String... clientSettings) throws Exception {
        Path jar = Path.of("target", "benchmarks.jar");
        assertThat(jar).as("the shaded jar is built before integration tests").isRegularFile();
        Path file = dir.resolve("r.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "LatencyTest", "-p", "acks=1,all", "-p", "producerRate=500", "-p",
                "partitionsPerTopic=2", "-wi", "0", "-i", "1", "-r", "8s", "-to", "10s", "-rff", file.toString(),
                "--bootstrap", broker.bootstrapServers()));
        for (String setting : clientSettings) {
            command.addAll(List.of("-p", setting));
        }
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        List<ProcessHandle> children = new ArrayList<>();
        Thread reader = new Thread(() -> {
            int setUps = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(run.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("# Set up in") && ++setUps == 2) {
                        run.descendants().forEach(children::add);
                        Thread.sleep(2000); // into the measurement
                        fault.accept(broker);
                    }
                }
            } catch (Exception e) {
                synchronized (lines) {
                    lines.add("(reader: " + e + ")");
                }
            }
        }, "fault-run-output");
        reader.start();
        boolean ended = run.waitFor(RUN_BOUND_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        reader.join(10_000);
        String output;
        synchronized (lines) {
            output = String.join("\n", lines);
        }
        assertThat(ended).as("the run ended within %d s:%n%s", RUN_BOUND_SECONDS, output).isTrue();
        return new Ended(run.exitValue(), output, file, children);
    }

    /** Processes the run started (its forks) are gone with it. */
    private static void nothingLeft(Ended e) throws InterruptedException {
        Thread.sleep(2000);
        for (ProcessHandle p : e.children()) {
            assertThat(p.isAlive() && !zombie(p)).as("process %d of the run still alive:%n%s", p.pid(), e.output())
                    .isFalse();
        }
    }

    private static boolean zombie(ProcessHandle p) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception gone) {
            return true;
        }
    }

    private static void signal(EmbeddedKafkaBroker broker, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(broker.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The broker frozen (SIGSTOP) for 15 s, past the producers' delivery timeout (8 s here) and the requests' (5 s),
     * then thawed: the run goes on and ends with a result whose second scenario names the failed sends (or fails it in
     * one line); the first scenario is in it unharmed.
     */
    @Test
    void aBrokerFrozenPastTheClientTimeoutsEndsInAResultThatSaysSo(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults())) {
            Ended e = runWithFault(broker, dir, b -> {
                signal(b, "STOP");
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                } finally {
                    signal(b, "CONT");
                }
            }, "delivery.timeout.ms=8000", "request.timeout.ms=5000", "linger.ms=5");
            endsClearly(e);
        }
    }

    /**
     * A result that names the fault (its second scenario marked by publish errors or loss) or a clean failure of that
     * scenario in one line; either way the first scenario's result kept, unharmed.
     */
    private static void endsClearly(Ended e) throws Exception {
        System.out.println(e.output());
        assertThat(e.exitCode()).as(e.output()).isIn(0, 1);
        JsonNode results = JSON.readTree(e.result().toFile());
        assertThat(results).as(e.output()).hasSize(e.exitCode() == 0 ? 2 : 1);
        JsonNode first = results.get(0);
        assertThat(first.get("params").get("acks").asText()).isEqualTo("1");
        assertThat(first.get("msgbench").get("warnings").toString()).doesNotContain("publish errors", "lost");
        List<String> errors = e.output().lines().filter(l -> l.startsWith("ERROR")).toList();
        if (e.exitCode() == 0) {
            assertThat(errors).as(e.output()).isEmpty();
            String warnings = results.get(1).get("msgbench").get("warnings").toString();
            assertThat(warnings).as(e.output()).containsAnyOf("publish errors", "lost");
        } else {
            assertThat(errors).as(e.output()).singleElement().asString()
                    .startsWith("ERROR: scenario LatencyTest (client=kafka, acks=all");
        }
        nothingLeft(e);
    }

    /**
     * The broker killed (SIGKILL) in the middle of the second scenario: its sends fail from then on, and the run ends,
     * within its bounds, with that scenario marked by them (or failed in one line); the first scenario's result kept.
     */
    @Test
    void aBrokerKilledMidIterationIsACleanFailureThatKeepsTheCompletedScenario(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults())) {
            Ended e = runWithFault(broker, dir, b -> signal(b, "KILL"), "delivery.timeout.ms=8000",
                    "request.timeout.ms=5000", "linger.ms=5", "max.block.ms=5000", "default.api.timeout.ms=5000");
            endsClearly(e);
        }
    }
}
