package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import io.msgbench.testing.SharedKafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profilers end to end ({@code -prof}), with the known-answer diagnosis tests of issue 15: a quiet run names no
 * bottleneck, a CPU burner beside a run makes the host's CPU the named one, a fork with a tiny heap makes its GC it.
 */
@ExtendWith(SharedKafkaBroker.class)
class ProfilersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MB = 1024 * 1024;

    /** A default run on the embedded broker: gc, os and broker figures as secondaries and as series per period. */
    @Test
    void aQuietDefaultRunCarriesGcOsAndBrokerFiguresAndNamesNoBottleneck(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Outcome o = CommandLineRun.run("LatencyTest", "-p", "acks=1", "-p", "producerRate=2000", "-wi", "1", "-w", "2s",
                "-i", "1", "-r", "4s", "--report-interval", "2s", "-rf", "json,html,bmf,github-smaller,github-bigger", "-rff",
                file.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("# Profiler broker: JMX of the embedded broker JVM");
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        JsonNode s = r.get("secondaryMetrics");
        // on 2 cores shared with the broker, the machine itself may rightly be named (host CPU); nothing else may be
        assertThat(r.get("msgbench").get("warnings")).as(o.out())
                .allSatisfy(w -> assertThat(w.asText()).startsWith("host CPU"));
        for (String name : List.of("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count", "gc.time", "os.cpu.host",
                "os.cpu.user", "os.cpu.system", "os.cpu.iowait", "os.cpu.steal", "os.load1", "os.memory.used",
                "os.swap.used", "os.contextSwitches", "os.net.lo.received", "os.disk.written", "os.loadgen.cpu",
                "os.worker.rss", "os.worker.threads", "os.profiler.cpu", "broker.cpu", "broker.messages.in",
                "broker.bytes.in", "broker.bytes.out", "broker.handler.idle", "broker.network.idle",
                "broker.produce.time", "broker.fetch.time", "broker.partitions.underReplicated", "broker.gc.time")) {
            assertThat(s.has(name)).as(name + " in " + s.fieldNames()).isTrue();
        }
        double published = s.get("publishRate").get("score").asDouble();
        // what the broker counted and what the harness sent agree (its windows are read by the coordinator, a few ms
        // off the workers'), with the record batches' overhead on the bytes; both directions cross the loopback interface
        // (over the time between the broker's reads: read a little after each boundary, it was 13-16 % low once when
        // divided by the iteration's length)
        assertThat(s.get("broker.messages.in").get("score").asDouble()).isCloseTo(published, within(published * 0.1));
        double payload = published * 1024 / MB;
        assertThat(s.get("broker.bytes.in").get("score").asDouble()).isBetween(payload * 0.85, payload * 1.3);
        assertThat(s.get("broker.bytes.out").get("score").asDouble()).isBetween(payload * 0.85, payload * 1.3);
        assertThat(s.get("os.net.lo.received").get("score").asDouble()).isGreaterThan(2 * payload);
        assertThat(s.get("os.cpu.host").get("scoreUnit").asText()).isEqualTo("%");
        assertThat(s.get("broker.partitions.underReplicated").get("score").asDouble()).isZero();
        assertThat(s.get("os.profiler.cpu").get("score").asDouble()).as("ms of CPU per second").isLessThan(50);
        assertThat(r.get("msgbench").get("profileUnits").get("broker.cpu").asText()).isEqualTo("cores");
        // the CI tools' files beside it: every percentile, not only the primary score
        JsonNode bmf = JSON.readTree(dir.resolve("r.bmf.json").toFile()).elements().next();
        assertThat(bmf.get("end-to-end-latency-corrected-p99-ms").get("value").asDouble())
                .isEqualTo(r.get("primaryMetric").get("scorePercentiles").get("99.0").asDouble());
        assertThat(JSON.readTree(dir.resolve("r.github-smaller.json").toFile())).hasSizeGreaterThanOrEqualTo(16);
        assertThat(JSON.readTree(dir.resolve("r.github-bigger.json").toFile()).get(0).get("unit").asText())
                .isEqualTo("msg/s");
        for (JsonNode iteration : r.get("msgbench").get("forks").get(0).get("iterations")) {
            assertThat(iteration.get("profile").has("os.cpu.host")).isTrue();
            assertThat(iteration.get("periods")).hasSizeGreaterThanOrEqualTo(1);
            for (JsonNode period : iteration.get("periods")) {
                assertThat(period.get("profile").has("os.cpu.host")).as(period.toString()).isTrue();
                assertThat(period.get("profile").has("broker.messages.in")).as(period.toString()).isTrue();
                assertThat(period.get("profile").has("gc.alloc.rate")).as(period.toString()).isTrue();
            }
        }
    }

    /** As many busy loops as the machine has CPUs, beside a light run: the host is named, not the load generator. */
    @Test
    void aCpuBurnerBesideTheRunIsNamed(@TempDir Path dir) throws Exception {
        List<Process> burners = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                burners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            Path file = dir.resolve("r.json");
            Outcome o = CommandLineRun.run("LatencyTest", "-p", "acks=1", "-p", "producerRate=1000", "-wi", "0", "-i",
                    "1", "-r", "4s", "-prof", "os", "-prof", "broker", "-rff", file.toString(), "--bootstrap",
                    SharedKafkaBroker.bootstrapServers());
            assertThat(o.exitCode()).as(o.err()).isZero();
            JsonNode r = JSON.readTree(file.toFile()).get(0);
            assertThat(r.get("msgbench").get("warnings").toString()).as(o.out())
                    .containsPattern("host CPU [0-9]+ % busy in iteration 1 \\(user [0-9]+ %, system [0-9]+ %; the load "
                            + "generator [0-9]+ % of the host\\): the machine is the likely bottleneck");
            assertThat(o.out()).contains("WARNING: host CPU");
            JsonNode s = r.get("secondaryMetrics");
            assertThat(s.get("os.cpu.host").get("score").asDouble()).isGreaterThan(90);
            assertThat(s.has("gc.alloc.rate")).as("-prof os only").isFalse();
            assertThat(s.has("broker.cpu")).as("an external cluster: no broker figures").isFalse();
            assertThat(o.out()).contains("# Warning: profiler broker: msgbench cannot read the figures of external");
        } finally {
            for (Process p : burners) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** 16 KiB messages through a fork with a 512 KiB young generation: it collects hundreds of times a second. */
    @Test
    void aForkWithATinyHeapIsNamedGcBound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        // the client's buffer held to 4 MiB: its default 32 MiB, full when the broker lags, would not fit in 40 MiB
        Outcome o = CommandLineRun.run("LatencyTest", "-p", "acks=1", "-p", "messageSize=16384", "-p",
                "producerRate=2000", "-p", "buffer.memory=4194304", "-jvmArgsAppend",
                "-XX:+UseSerialGC -Xmx40m -Xmn512k", "-wi", "0", "-i", "1",
                "-r", "4s", "-prof", "gc", "-rff", file.toString(), "--bootstrap", SharedKafkaBroker.bootstrapServers(),
                // a GC-bound fork may not hold its rate: that mark (schedule) is not what this test is about
                "--fail-on", "none");
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        assertThat(r.get("msgbench").get("warnings").toString()).as(o.out())
                .containsPattern("iteration 1: the worker JVM spent [0-9.]+ % of the iteration in garbage collection")
                .contains("its heap is the likely bottleneck");
        assertThat(r.get("secondaryMetrics").has("os.cpu.host")).as("-prof gc only").isFalse();
    }

    /**
     * {@code -prof client} and {@code -prof jfr} on a fork: the Kafka clients' own figures (their windows shortened to
     * a second, as the effective settings show), a flight recording next to the result; a buffer far too small for
     * the rate asked makes the producer wait for it, and that is named.
     */
    @Test
    void clientMetricsAndAFlightRecordingWithBufferWaitsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Outcome o = CommandLineRun.run("LatencyTest", "-p", "acks=1", "-p", "producerRate=100000", "-p",
                "buffer.memory=65536", "-wi", "0", "-i", "1", "-r", "4s", "-prof", "client", "-prof", "jfr", "-rff",
                file.toString(), "--bootstrap", SharedKafkaBroker.bootstrapServers(),
                // a rate this buffer cannot hold, on purpose: its mark (schedule) is not what this test is about
                "--fail-on", "none");
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        JsonNode s = r.get("secondaryMetrics");
        for (String name : List.of("client.producer.queue.time", "client.producer.request.latency",
                "client.producer.batch.size", "client.producer.bufferpool.wait", "client.producer.io.wait",
                "client.consumer.fetch.latency", "client.consumer.lag.max", "client.consumer.poll.idle")) {
            assertThat(s.has(name)).as(name + " in " + s.fieldNames()).isTrue();
        }
        assertThat(s.get("client.producer.batch.size").get("score").asDouble()).as("bytes per batch, up to batch.size and its record batch overhead")
                .isBetween(1024.0, 17 * 1024.0);
        assertThat(r.get("msgbench").get("configuration").get("producer").get("metrics.sample.window.ms").asText())
                .isEqualTo("1000");
        assertThat(r.get("msgbench").get("warnings").toString()).as(o.out())
                .contains("producers blocked waiting for buffer memory");
        Path recording = dir.resolve("LatencyTest-acks=1-buffer.memory=65536-client=kafka-producerRate=100000-fork1.jfr");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            Path jfr = files.filter(p -> p.getFileName().toString().endsWith("-fork1.jfr")).findFirst()
                    .orElseThrow(() -> new AssertionError("no recording beside " + file + "; expected e.g. " + recording));
            byte[] head = java.nio.file.Files.readAllBytes(jfr);
            assertThat(new String(head, 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("FLR");
        }
    }
}
