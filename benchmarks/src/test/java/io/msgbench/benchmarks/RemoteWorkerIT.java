package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import io.msgbench.testing.SharedKafkaBroker;
import io.msgbench.testing.WorkerProcess;
import io.msgbench.worker.http.HttpWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * A scenario run on a {@code worker} process (a host of its own, as far as the protocol knows), and what the
 * worker refuses: a request without its token, a second coordinator, another protocol version; a coordinator gone
 * silent loses its session. The worker's clock offset is estimated: under libfaketime (+150 ms, realtime only) it
 * comes out within 1 ms of the injected offset, and end-to-end latencies across workers are corrected by it. Several
 * hosts, and workers killed or cut off, are {@link MultiHostIT}'s.
 */
@ExtendWith(SharedKafkaBroker.class)
class RemoteWorkerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

    /**
     * A JVM whose wall clock runs {@code skew} ahead: realtime only (the JVM's monotonic clock must stay the host's),
     * and without libfaketime's "monotonic fix", which glibc 2.3x turns on and which breaks every timed wait of the
     * JVM (a 1 ms park returns at once, a 1 ms sleep takes 16 ms, clock reads cost 6-15 times more): the worker would
     * spin, and its latencies would measure libfaketime.
     */
    private static Map<String, String> fakeTime(String skew) {
        return Map.of("LD_PRELOAD", LIBFAKETIME.toString(), "FAKETIME", skew, "FAKETIME_DONT_FAKE_MONOTONIC", "1",
                "FAKETIME_FORCE_MONOTONIC_FIX", "0");
    }

    @Test
    void aScenarioRunsOnAWorkerAndRecordsItsClockOffsets(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cret\n");
        try (WorkerProcess worker = WorkerProcess.start(Map.of(), "--token-file", token.toString())) {
            Path file = dir.resolve("r.json");
            Outcome o = CommandLineRun.run("LatencyTest", "-p", "client=kafka", "-p", "acks=1", "-p", "producerRate=500",
                    "-wi", "0", "-i", "2", "-r", "2s", "--workers", worker.uri().toString(), "--token-file",
                    token.toString(), "-rff", file.toString(), "--cluster", SharedKafkaBroker.bootstrapServers());
            assertThat(o.exitCode()).as(o.err()).isZero();
            assertThat(o.out()).contains("# Fork 1 of 1: worker " + worker.uri(), "# Worker clock offset: ",
                    "# Cluster: external, " + SharedKafkaBroker.bootstrapServers());
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
        Outcome noConsumer = CommandLineRun.run("LatencyTest", "--producer-workers", "http://127.0.0.1:1", "-rff",
                dir.resolve("x.json").toString());
        assertThat(noConsumer.exitCode()).isEqualTo(1);
        assertThat(noConsumer.err().strip()).isEqualTo("ERROR: No worker hosts consumers: name one with --workers or "
                + "--consumer-workers");
        Outcome twice = CommandLineRun.run("LatencyTest", "--workers", "http://127.0.0.1:1,http://127.0.0.1:1", "-rff",
                dir.resolve("x.json").toString());
        assertThat(twice.err().strip()).isEqualTo("ERROR: --workers: worker http://127.0.0.1:1 is named twice (a "
                + "worker serves one session at a time)");
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
        try (WorkerProcess worker = WorkerProcess.start(fakeTime("+0.150"))) {
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
     * coordinator tells the consumer's worker the difference, and the end-to-end latencies come out as in the same
     * run without skew — within 1 ms at the median — instead of 150 ms below zero; the warning names the difference.
     * Both producer workers run under libfaketime (+150 ms and +0), so that the skew is the only difference, and the
     * runs alternate between them on the same warm workers: two runs on one machine differ by a few tenths of a
     * millisecond at the median by themselves, so the medians of three runs each are compared.
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
        try (WorkerProcess skewed = WorkerProcess.start(fakeTime("+0.150"));
             WorkerProcess unskewed = WorkerProcess.start(fakeTime("+0"));
             WorkerProcess consumer = WorkerProcess.start(Map.of())) {
            List<List<Double>> p50 = List.of(new ArrayList<>(), new ArrayList<>());
            for (int run = 0; run < 6; run++) {
                int s = run % 2; // 0: the producer 150 ms ahead, 1: without skew
                Path file = dir.resolve("r" + run + ".json");
                Outcome o = CommandLineRun.run("LatencyTest", "-p", "client=kafka", "-p", "acks=1", "-p", "linger.ms=0",
                        "-p", "producerRate=200", "-wi", "1", "-w", "1s", "-i", "1", "-r", "3s", "--producer-workers",
                        (s == 0 ? skewed : unskewed).uri().toString(), "--consumer-workers", consumer.uri().toString(),
                        "-rff", file.toString(), "--bootstrap", SharedKafkaBroker.bootstrapServers());
                assertThat(o.exitCode()).as(o.err()).isZero();
                o.out().lines().filter(l -> l.contains("clock offset")).forEach(System.out::println);
                JsonNode r = JSON.readTree(file.toFile()).get(0);
                p50.get(s).add(r.get("secondaryMetrics").get("endToEndLatency").get("scorePercentiles").get("50.0")
                        .asDouble());
                assertThat(r.get("secondaryMetrics").get("negativeLatencies").get("score").asLong()).isZero();
                String warnings = r.get("msgbench").get("warnings").toString();
                if (s == 0) {
                    assertThat(warnings).contains("worker clocks differ by up to 1", "are corrected by it");
                } else {
                    assertThat(warnings).doesNotContain("worker clocks differ");
                }
            }
            double withSkew = median(p50.get(0));
            double without = median(p50.get(1));
            System.out.printf("end-to-end p50 across workers: %s ms without skew (median %.3f), %s ms with the "
                    + "producer 150 ms ahead, corrected (median %.3f)%n", p50.get(1), without, p50.get(0), withSkew);
            assertThat(withSkew).isCloseTo(without, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
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
