package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.runner.Main;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import io.msgbench.testing.SharedKafkaBroker;
import io.msgbench.worker.http.HttpWorker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scenario run on a {@code worker} process (a host of its own, as far as the protocol knows), and what the
 * worker refuses: a request without its token, a second coordinator, another protocol version; a coordinator gone
 * silent loses its session. The worker's clock offset is estimated: under libfaketime (+150 ms, realtime only) it
 * comes out within 1 ms of the injected offset.
 */
@ExtendWith(SharedKafkaBroker.class)
class RemoteWorkerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

    /** A {@code worker} in a JVM of its own on a free loopback port; killed when closed. */
    private record WorkerProcess(Process process, URI uri) implements AutoCloseable {
        static WorkerProcess start(Map<String, String> environment, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "worker", "--port", "0"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(environment);
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the worker's first line").isNotNull().startsWith("msgbench worker at http://");
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "worker-output");
            drain.setDaemon(true);
            drain.start();
            return new WorkerProcess(p, URI.create(first.split(" ")[3]));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aScenarioRunsOnAWorkerAndRecordsItsClockOffsets(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cret\n");
        try (WorkerProcess worker = WorkerProcess.start(Map.of(), "--token-file", token.toString())) {
            Path file = dir.resolve("r.json");
            Outcome o = CommandLineRun.run("LatencyTest", "-p", "client=kafka", "-p", "acks=1", "-p", "producerRate=500",
                    "-wi", "0", "-i", "2", "-r", "2s", "--workers", worker.uri().toString(), "--token-file",
                    token.toString(), "-rff", file.toString(), "--bootstrap", SharedKafkaBroker.bootstrapServers());
            assertThat(o.exitCode()).as(o.err()).isZero();
            assertThat(o.out()).contains("# Fork 1 of 1: worker " + worker.uri(), "# Worker clock offset: ");
            JsonNode r = JSON.readTree(file.toFile()).get(0);
            long sent = r.get("secondaryMetrics").get("messagesSent").get("score").asLong();
            assertThat(sent).isBetween(1_900L, 2_100L);
            assertThat(r.get("secondaryMetrics").get("messagesReceived").get("score").asLong()).isEqualTo(sent);
            JsonNode offsets = r.get("msgbench").get("forks").get(0).get("clockOffsets").get(0); // its only worker
            assertThat(offsets).hasSize(3); // before the load, after each iteration
            for (JsonNode offset : offsets) {
                // one host, one clock: the offset is the two anchors' error, well inside the exchange's round trip
                assertThat(Math.abs(offset.get("offsetNanos").asLong()))
                        .isLessThanOrEqualTo(offset.get("uncertaintyNanos").asLong() + 100_000);
            }
            // the worker serves the next coordinator once this one closed its session
            assertThat(new HttpWorker(worker.uri(), "s3cret").hello().busyWith()).isNull();
        }
    }

    /**
     * Three workers, one scenario: two producers (workers 1 and 2) and a subscription of two consumers (workers 3 and
     * 2), so messages are produced on one host and consumed on another and a subscription's receipts are split over
     * two workers: every message is verified exactly at the coordinator, and the merged histograms hold every
     * worker's samples.
     */
    @Test
    void aScenarioSpreadOverThreeWorkersIsVerifiedExactly(@TempDir Path dir) throws Exception {
        try (WorkerProcess a = WorkerProcess.start(Map.of()); WorkerProcess b = WorkerProcess.start(Map.of());
             WorkerProcess c = WorkerProcess.start(Map.of())) {
            Path file = dir.resolve("r.json");
            Outcome o = CommandLineRun.run("LatencyTest", "-p", "client=kafka", "-p", "acks=1", "-p", "producerRate=1000",
                    "-p", "producersPerTopic=2", "-p", "consumersPerSubscription=2", "-wi", "0", "-i", "2", "-r", "3s",
                    "--workers", a.uri() + "," + b.uri() + "," + c.uri(), "-rff", file.toString(),
                    "--bootstrap", SharedKafkaBroker.bootstrapServers());
            assertThat(o.exitCode()).as(o.err()).isZero();
            assertThat(o.out()).contains("worker " + a.uri(), "worker " + b.uri(), "worker " + c.uri(),
                    "# Producers spread from the first worker on, consumers from the last one back");
            JsonNode r = JSON.readTree(file.toFile()).get(0);
            JsonNode s = r.get("secondaryMetrics");
            long sent = s.get("messagesSent").get("score").asLong();
            assertThat(sent).isBetween(5_800L, 6_200L);
            assertThat(s.get("messagesReceived").get("score").asLong()).isEqualTo(sent);
            assertThat(s.get("messagesLost").get("score").asLong()).isZero();
            assertThat(s.get("messagesDuplicated").get("score").asLong()).isZero();
            assertThat(r.get("msgbench").get("warnings")).isEmpty();
            // each worker's clock, before the load and after each iteration, in the result and on the console
            JsonNode clocks = r.get("msgbench").get("forks").get(0).get("clockOffsets");
            assertThat(clocks).hasSize(3);
            clocks.forEach(w -> assertThat(w).hasSize(3));
            assertThat(o.out()).contains("# Worker 1 clock offset: ", "# Worker 2 clock offset: ",
                    "# Worker 3 clock offset: ");
            JsonNode drain = r.get("msgbench").get("forks").get(0).get("drain");
            assertThat(drain.get("expected").asLong()).isEqualTo(drain.get("received").asLong());
            // the merged histogram holds every worker's samples: one end-to-end latency per message received
            long samples = 0;
            for (JsonNode fork : r.get("primaryMetric").get("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    for (JsonNode bucket : iteration) {
                        samples += bucket.get(1).asLong();
                    }
                }
            }
            assertThat(samples).isEqualTo(sent);
        }
    }

    @Test
    void aWorkerRefusesWhatItMustAndTheCoordinatorSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cret\n");
        try (WorkerProcess worker = WorkerProcess.start(Map.of(), "--token-file", token.toString(), "--silence", "2")) {
            // no token: 401 and nothing else
            HttpResponse<String> bare = post(worker.uri(), "/hello", Map.of("X-Msgbench-Protocol", "1"));
            assertThat(bare.statusCode()).isEqualTo(401);
            assertThat(bare.body()).contains("missing or wrong token");
            // another protocol version
            HttpResponse<String> other = post(worker.uri(), "/hello", Map.of("X-Msgbench-Protocol", "2",
                    "Authorization", "Bearer s3cret"));
            assertThat(other.statusCode()).isEqualTo(400);
            assertThat(other.body()).contains("this worker speaks msgbench worker protocol 1, the request speaks 2");
            // the coordinator with the wrong token: one line naming the worker, before any broker work
            Path wrong = dir.resolve("wrong");
            Files.writeString(wrong, "guess\n");
            Outcome refused = CommandLineRun.run("LatencyTest", "--workers", worker.uri().toString(), "--token-file",
                    wrong.toString(), "-rff", dir.resolve("x.json").toString(), "--bootstrap", "127.0.0.1:1");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err().strip()).isEqualTo("ERROR: Worker at " + worker.uri()
                    + ": missing or wrong token: this worker needs the token of its --token-file");
            assertThat(refused.out()).doesNotContain("Cluster");
            // a second coordinator while one holds a session
            HttpWorker first = new HttpWorker(worker.uri(), "s3cret");
            first.open("the first coordinator");
            Outcome busy = CommandLineRun.run("LatencyTest", "--workers", worker.uri().toString(), "--token-file",
                    token.toString(), "-rff", dir.resolve("x.json").toString(), "--bootstrap", "127.0.0.1:1");
            assertThat(busy.exitCode()).isEqualTo(1);
            assertThat(busy.err().strip()).isEqualTo("ERROR: Worker at " + worker.uri()
                    + " is busy: it serves coordinator the first coordinator");
            first.close();
            assertThat(first.hello().busyWith()).isNull();
            // a coordinator that goes silent (a session opened by hand, no heartbeat) loses its session
            HttpResponse<String> opened = post(worker.uri(), "/session/open", Map.of("X-Msgbench-Protocol", "1",
                    "Authorization", "Bearer s3cret"), "{\"coordinator\":\"silent\"}");
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(first.hello().busyWith()).isEqualTo("silent");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (first.hello().busyWith() != null && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(first.hello().busyWith()).as("the silent coordinator's session closed").isNull();
        }
    }

    /**
     * A worker killed (SIGKILL) or frozen (SIGSTOP, as a cut link looks to the coordinator) during the second of two
     * scenarios: that scenario fails with a line naming the worker, within the heartbeat's bound, the first one's
     * result is kept, and nothing is left running.
     */
    @ParameterizedTest
    @ValueSource(strings = {"KILL", "STOP"})
    void aWorkerLostMidRunFailsItsScenarioNamingItAndKeepsTheCompletedOnes(String signal, @TempDir Path dir)
            throws Exception {
        try (WorkerProcess worker = WorkerProcess.start(Map.of())) {
            Path file = dir.resolve("r.json");
            java.util.concurrent.CompletableFuture<Outcome> run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> CommandLineRun.run("LatencyTest", "-p", "client=kafka", "-p", "acks=1,all", "-p",
                            "producerRate=500", "-wi", "0", "-i", "3", "-r", "3s", "--workers", worker.uri().toString(),
                            "-rff", file.toString(), "--bootstrap", SharedKafkaBroker.bootstrapServers()));
            HttpWorker probe = new HttpWorker(worker.uri(), null);
            // the second scenario's session: the first one closed, then another opened
            awaitUntil(() -> Files.exists(file), 120);
            awaitUntil(() -> probe.hello().busyWith() != null, 60);
            Thread.sleep(3_000); // into its first iteration
            long lostAt = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(worker.process().pid())).start().waitFor();
            Outcome o = run.get(120, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - lostAt) / 1e9;
            System.out.printf("worker %s: the run ended %.1f s later%n", signal, seconds);
            assertThat(o.exitCode()).isEqualTo(1);
            assertThat(o.err()).contains("ERROR: scenario LatencyTest (client=kafka, acks=all", "Worker at " + worker.uri());
            assertThat(seconds).isLessThan(60);
            JsonNode results = JSON.readTree(file.toFile());
            assertThat(results).hasSize(1);
            assertThat(results.get(0).get("params").get("acks").asText()).isEqualTo("1");
            if (signal.equals("STOP")) {
                new ProcessBuilder("kill", "-CONT", Long.toString(worker.process().pid())).start().waitFor();
            }
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Condition condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited %d s", seconds).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void badWorkerInputIsOneLineBeforeAnyBrokerWork(@TempDir Path dir) throws Exception {
        Outcome forks = CommandLineRun.run("LatencyTest", "--workers", "http://127.0.0.1:1", "-f", "0", "-rff",
                dir.resolve("x.json").toString());
        assertThat(forks.err().strip()).isEqualTo("ERROR: --workers runs the forks on workers; -f 0 runs in this JVM: "
                + "choose one");
        Outcome silent = CommandLineRun.run("LatencyTest", "--workers", "http://127.0.0.1:1", "-rff",
                dir.resolve("x.json").toString());
        assertThat(silent.exitCode()).isEqualTo(1);
        assertThat(silent.err().strip()).startsWith("ERROR: Worker at http://127.0.0.1:1 did not answer /hello");
        assertThat(silent.out()).doesNotContain("Cluster");
        Outcome notUrl = CommandLineRun.run("LatencyTest", "--workers", "10.0.0.5:8080", "-rff",
                dir.resolve("x.json").toString());
        assertThat(notUrl.err().strip()).isEqualTo("ERROR: --workers: '10.0.0.5:8080' is not a worker URL (http://host:port)");
        Path file = dir.resolve("workers.yaml");
        Files.writeString(file, "# OMB's shape\nworkers:\n  - http://127.0.0.1:1\n  - 42\n");
        Outcome malformed = CommandLineRun.run("LatencyTest", "--workers-file", file.toString(), "-rff",
                dir.resolve("x.json").toString());
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err().strip()).isEqualTo("ERROR: " + file + ":2: workers: expected a worker URL, found 42");
        Outcome open = CommandLineRun.run("worker", "--bind", "0.0.0.0", "--port", "0");
        assertThat(open.exitCode()).isEqualTo(1);
        assertThat(open.err().strip()).isEqualTo("ERROR: --bind 0.0.0.0 is reachable from other hosts: give "
                + "--token-file FILE (the coordinator passes the same file)");
    }

    /**
     * A worker whose wall clock runs 150 ms ahead (libfaketime, realtime only: its monotonic clock is the host's):
     * the estimated offset, the exchange with the shortest round trip of several estimates, is within 1 ms of it.
     */
    @Test
    void aWorkerWhoseClockIsAheadIsMeasuredWithinOneMillisecond() throws Exception {
        if (!Files.exists(LIBFAKETIME)) {
            String why = "libfaketime is missing (Debian: apt-get install faketime)";
            if (System.getenv("MSGBENCH_REQUIRE_PYTHON_CLIENTS") != null) { // set by .ci/run, which installs it
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        try (WorkerProcess worker = WorkerProcess.start(Map.of("LD_PRELOAD", LIBFAKETIME.toString(), "FAKETIME",
                "+0.150", "FAKETIME_DONT_FAKE_MONOTONIC", "1"))) {
            HttpWorker w = new HttpWorker(worker.uri(), null);
            w.open("faketime test");
            try {
                List<ClockOffset> estimates = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    estimates.add(w.clockOffset(EpochNanoClock.system()));
                }
                ClockOffset best = estimates.stream().min(Comparator.comparingLong(ClockOffset::uncertaintyNanos))
                        .orElseThrow();
                System.out.printf("faketime +150 ms: estimated %+.3f ms ± %.3f ms%n", best.offsetNanos() / 1e6,
                        best.uncertaintyNanos() / 1e6);
                // libfaketime slows every clock call of the worker, so its round trips are long on a busy machine; the
                // estimate itself stays within 1 ms of the truth
                assertThat(best.uncertaintyNanos()).isLessThan(3_000_000L);
                assertThat(best.offsetNanos()).isBetween(149_000_000L, 151_000_000L);
            } finally {
                w.close();
            }
        }
    }

    /**
     * The producer on a worker whose wall clock runs 150 ms ahead, the consumer on one with the host's clock: the
     * coordinator tells the consumer's worker the difference, and the end-to-end latencies come out positive, of the
     * size of the same run without skew (both producers under libfaketime, +0 and +150 ms), instead of 150 ms below
     * zero; the warning names the difference. libfaketime intercepts every clock call of the producer's JVM, and its
     * overhead moves the two runs' p50 by tens of milliseconds here, so they are printed and held to the same order,
     * not to one millisecond.
     */
    @Test
    void endToEndLatencyAcrossWorkersIsCorrectedByTheirClockOffsets(@TempDir Path dir) throws Exception {
        if (!Files.exists(LIBFAKETIME)) {
            String why = "libfaketime is missing (Debian: apt-get install faketime)";
            if (System.getenv("MSGBENCH_REQUIRE_PYTHON_CLIENTS") != null) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        double[] p50 = new double[2];
        String[] skews = {"+0", "+0.150"};
        for (int i = 0; i < 2; i++) {
            try (WorkerProcess producer = WorkerProcess.start(Map.of("LD_PRELOAD", LIBFAKETIME.toString(), "FAKETIME",
                         skews[i], "FAKETIME_DONT_FAKE_MONOTONIC", "1"));
                 WorkerProcess consumer = WorkerProcess.start(Map.of())) {
                Path file = dir.resolve("r" + i + ".json");
                Outcome o = CommandLineRun.run("LatencyTest", "-p", "client=kafka", "-p", "acks=1", "-p",
                        "producerRate=200", "-wi", "1", "-w", "2s", "-i", "1", "-r", "4s", "--workers",
                        producer.uri() + "," + consumer.uri(), "-rff", file.toString(), "--bootstrap",
                        SharedKafkaBroker.bootstrapServers());
                assertThat(o.exitCode()).as(o.err()).isZero();
                JsonNode r = JSON.readTree(file.toFile()).get(0);
                p50[i] = r.get("secondaryMetrics").get("endToEndLatency").get("scorePercentiles").get("50.0").asDouble();
                assertThat(r.get("secondaryMetrics").get("negativeLatencies").get("score").asLong()).isZero();
                String warnings = r.get("msgbench").get("warnings").toString();
                if (i == 1) {
                    assertThat(warnings).contains("worker clocks differ by up to 1", "are corrected by it");
                } else {
                    assertThat(warnings).doesNotContain("worker clocks differ");
                }
            }
        }
        System.out.printf("end-to-end p50 across workers: %.3f ms without skew, %.3f ms with the producer 150 ms "
                + "ahead, corrected%n", p50[0], p50[1]);
        assertThat(p50[1]).isPositive().isLessThan(150); // uncorrected, every latency would be 150 ms below zero
        assertThat(p50[1]).isLessThan(p50[0] * 3 + 20);
    }

    private static HttpResponse<String> post(URI base, String path, Map<String, String> headers) throws Exception {
        return post(base, path, headers, "{}");
    }

    private static HttpResponse<String> post(URI base, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
