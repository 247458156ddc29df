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

    /** Two scenarios (acks=1, then all) at 500 msg/s on 2 partitions; the fault comes in the second. */
    private static final List<String> TWO_SCENARIOS = List.of("acks=1,all", "producerRate=500", "partitionsPerTopic=2");

    /** Runs LatencyTest with {@code params} against {@code broker}, applying {@code fault} in the last scenario. */
    private static Ended runWithFault(EmbeddedKafkaBroker broker, Path dir, Consumer<EmbeddedKafkaBroker> fault,
                                      List<String> params) throws Exception {
        Path jar = Path.of("target", "benchmarks.jar");
        assertThat(jar).as("the shaded jar is built before integration tests").isRegularFile();
        Path file = dir.resolve("r.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "LatencyTest", "-wi", "0", "-i", "1", "-r", "6s", "-to", "8s",
                "-rff", file.toString(), "--bootstrap", broker.bootstrapServers()));
        for (String param : params) {
            command.addAll(List.of("-p", param));
        }
        int scenarios = params.stream().filter(p -> p.startsWith("acks=")).findFirst()
                .map(p -> p.split(",").length).orElse(2);
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
                    if (line.startsWith("# Set up in") && ++setUps == scenarios) {
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

    private static List<String> with(List<String> params, String... more) {
        List<String> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all;
    }

    /** Processes the run started (its forks) are gone with it. */
    private static void nothingLeft(Ended e) throws InterruptedException {
        Thread.sleep(2000);
        for (ProcessHandle p : e.children()) {
            assertThat(p.isAlive() && !zombie(p)).as("process %d of the run still alive:%n%s", p.pid(), e.output())
                    .isFalse();
        }
    }

    /** The run's topics are gone from a cluster that outlived the fault (msgbench deletes what it created). */
    private static void noTopicsLeft(EmbeddedKafkaBroker broker, Ended e) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                "bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).as("topics left:%n%s", e.output())
                    .noneMatch(t -> t.startsWith("msgbench-"));
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
     * The broker frozen (SIGSTOP) for 12 s, past the producers' delivery timeout (8 s here) and the requests' (5 s),
     * then thawed: the run goes on and ends with a result that names the failed sends (or fails the scenario in one
     * line).
     */
    @Test
    void aBrokerFrozenPastTheClientTimeoutsEndsInAResultThatSaysSo(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults())) {
            // one scenario: the crashed broker's test keeps the scenario completed before the fault
            Ended e = runWithFault(broker, dir, b -> {
                signal(b, "STOP");
                try {
                    Thread.sleep(12_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                } finally {
                    signal(b, "CONT");
                }
            }, List.of("acks=all", "producerRate=500", "partitionsPerTopic=2", "delivery.timeout.ms=8000",
                    "request.timeout.ms=5000", "linger.ms=5"));
            endsClearly(e, 1, "acks=all");
            noTopicsLeft(broker, e);
        }
    }

    /**
     * A result that names the fault (its last scenario marked: exit 4) or a clean failure of that scenario in one line
     * (exit 1); either way the scenarios before it kept, unharmed.
     *
     * @param scenarios the scenarios of the run, the fault in the last
     * @param faulted   how the faulted scenario's label names it
     */
    private static void endsClearly(Ended e, int scenarios, String faulted) throws Exception {
        System.out.println(e.output());
        // 4: completed, the faulted result marked (failed sends, a schedule not held); 1: that scenario failed
        assertThat(e.exitCode()).as(e.output()).isIn(1, 4);
        List<String> errors = e.output().lines().filter(l -> l.startsWith("ERROR")).toList();
        int kept = e.exitCode() == 4 ? scenarios : scenarios - 1;
        JsonNode results = kept == 0 ? JSON.createArrayNode() : JSON.readTree(e.result().toFile());
        assertThat(results).as(e.output()).hasSize(kept);
        for (int s = 0; s < scenarios - 1; s++) {
            assertThat(results.get(s).get("msgbench").get("warnings").toString()).as("before the fault")
                    .doesNotContain("publish errors", "lost");
        }
        if (e.exitCode() == 4) {
            assertThat(errors).as(e.output()).isEmpty();
            assertThat(e.output()).contains("# Marked: LatencyTest (", faulted);
            String warnings = results.get(scenarios - 1).get("msgbench").get("warnings").toString();
            assertThat(warnings).as(e.output()).containsAnyOf("publish errors", "lost");
        } else {
            assertThat(errors).as(e.output()).singleElement().asString().startsWith("ERROR: scenario LatencyTest (")
                    .contains(faulted);
        }
        nothingLeft(e);
    }

    /**
     * The broker's disk fills (its data on a 48 MiB tmpfs, 4 KiB messages at 3,000 msg/s, 12 MiB/s): Kafka takes its
     * only log directory offline and stops serving; the run ends within its bounds with the scenario marked by its
     * failed sends (or failed in one line).
     */
    @Test
    void aBrokerWhoseDiskFillsEndsClearly(@TempDir Path dir) throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small-disk"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String why = new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        org.junit.jupiter.api.Assumptions.assumeTrue(mounting.waitFor() == 0 || !isCi(),
                "cannot mount a tmpfs here (" + why + ")");
        assertThat(mounting.exitValue()).as("mount a tmpfs (CI runs as root): " + why).isZero();
        String tmp = System.getProperty("java.io.tmpdir");
        EmbeddedKafkaBroker broker;
        try {
            System.setProperty("java.io.tmpdir", mount.toString()); // where the broker's directory is made
            broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults()
                    .withBrokerProperty("log.segment.bytes", "8388608"));
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
        }
        try (broker) {
            // one scenario, no fault of the test's own: the disk is the fault
            Ended e = runWithFault(broker, dir, b -> { }, List.of("acks=1", "producerRate=3000", "messageSize=4096",
                    "partitionsPerTopic=2", "delivery.timeout.ms=8000", "request.timeout.ms=5000", "linger.ms=5",
                    "max.block.ms=5000", "default.api.timeout.ms=5000"));
            endsClearly(e, 1, "acks=1");
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("MSGBENCH_CI"));
    }

    /**
     * The broker crashes (SIGKILL) in the middle of the second scenario (acks=all) and comes back 2 s later on its own
     * data, well within the producers' 20-s delivery timeout: the run ends with a result, and no acknowledged message
     * is lost (what the broker had been handed survives its process), the crash's stall in that scenario's latencies.
     */
    @Test
    void aBrokerCrashedAndRestartedMidIterationLosesNoAcknowledgedMessage(@TempDir Path dir) throws Exception {
        java.util.concurrent.atomic.AtomicReference<EmbeddedKafkaBroker> restarted =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults())) {
            Ended e = runWithFault(broker, dir, b -> {
                try {
                    restarted.set(b.killedAndRestarted(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(60)));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }, with(TWO_SCENARIOS, "delivery.timeout.ms=20000", "request.timeout.ms=5000", "linger.ms=5"));
            System.out.println(e.output());
            assertThat(restarted.get()).as("the broker came back:%n%s", e.output()).isNotNull();
            // completed, the crashed scenario marked: its schedule was not held (a stall took it), nothing lost
            assertThat(e.exitCode()).as(e.output()).isEqualTo(4);
            JsonNode results = JSON.readTree(e.result().toFile());
            assertThat(results).hasSize(2);
            assertThat(results.get(0).get("msgbench").get("warnings").toString()).as("the scenario before the crash")
                    .doesNotContain("publish errors", "lost", "stall");
            JsonNode crashed = results.get(1).get("secondaryMetrics");
            assertThat(crashed.get("messagesLost").get("score").asLong()).as(e.output()).isZero();
            // the producers waited the crash out: a stall, named as such, not a capacity
            assertThat(e.output()).as(e.output()).containsPattern("for [0-9.]+ s sends were outstanding and none "
                    + "was acknowledged: a stall of the broker or the network, not load")
                    .doesNotContain("so this is a throughput measurement")
                    .containsPattern("# Marked: LatencyTest \\(client=kafka, acks=all[^\\n]*\\): [^\\n]*schedule not held");
            nothingLeft(e);
            noTopicsLeft(restarted.get(), e);
        } finally {
            if (restarted.get() != null) {
                restarted.get().close();
            }
        }
    }
}
