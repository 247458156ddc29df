package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the coordinator (the host of its forks and of the embedded broker) in the middle of a
 * measurement: within 2 s no process of the run is left.
 */
class HostKilledIT {
    private static final long BOUND_MILLIS = 2000;

    @Test
    void noProcessOutlivesAKilledHostByMoreThanTwoSeconds(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "benchmarks.jar");
        assertThat(jar).as("the shaded jar is built before integration tests").isRegularFile();
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "LatencyTest", "-p", "acks=1", "-p", "producerRate=1000", "-f", "1", "-wi",
                "0", "-i", "1", "-r", "60s", "-rff", dir.resolve("r.json").toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        List<ProcessHandle> children = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("# Set up in")) { // the fork is loading the broker
                    Thread.sleep(2000);
                    host.descendants().forEach(children::add);
                    host.destroyForcibly(); // SIGKILL: no hook of the host runs
                    break;
                }
            }
        }
        long killed = System.nanoTime();
        String output = String.join("\n", lines);
        assertThat(children).as("the embedded broker and the fork, at least: " + output).hasSizeGreaterThanOrEqualTo(2);
        for (ProcessHandle child : children) {
            String what = child.info().commandLine().orElse("?");
            while (!exited(child) && System.nanoTime() - killed < TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS)) {
                Thread.sleep(20);
            }
            boolean gone = exited(child);
            if (!gone) {
                child.destroyForcibly();
            }
            assertThat(gone).as("process %d (%s) gone within %d ms of the host's kill", child.pid(), what, BOUND_MILLIS)
                    .isTrue();
        }
        // nor the embedded broker's directory (msgbench-broker-<host pid>-...: its data and log)
        try (java.util.stream.Stream<Path> tmp = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("msgbench-broker-" + host.pid() + "-"))).isEmpty();
        }
    }

    /**
     * Whether the process has ended: gone, or a zombie (its parent, the killed host, cannot reap it; this machine's
     * init reaps orphans in its own time).
     */
    private static boolean exited(ProcessHandle p) throws java.io.IOException {
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        if (!p.isAlive() || !java.nio.file.Files.exists(stat)) {
            return true;
        }
        try {
            String s = java.nio.file.Files.readString(stat);
            return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }
}
