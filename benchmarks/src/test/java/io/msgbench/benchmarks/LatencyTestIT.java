package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import io.msgbench.testing.SharedKafkaBroker;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shipped benchmark end to end through the command line, against a real broker. */
@ExtendWith(SharedKafkaBroker.class)
class LatencyTestIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LATENCIES = List.of("publishLatency", "publishDelayLatency", "endToEndLatency",
            "publishLatencyCorrected");

    static Outcome run(String... args) {
        return CommandLineRun.run(args);
    }

    @Test
    void shortRunGivesACompleteHonestResult(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Outcome o = run("LatencyTest", "-p", "client=kafka", "-p", "producerRate=500", "-p", "partitionsPerTopic=2",
                "-wi", "1", "-i", "2", "-w", "1s", "-r", "2s", "-rff", file.toString(), "-rf", "json,csv,md,html",
                "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("Iteration    1:", "Iteration    2:", "endToEndLatencyCorrected")
                .endsWith("# Results: " + file.toAbsolutePath() + System.lineSeparator());
        // not a terminal: the progress comes as plain lines, without carriage returns or escape sequences
        assertThat(o.out()).contains("# Progress: scenario 1 of 2 (LatencyTest (", "# Progress: scenario 2 of 2 (")
                .doesNotContain("\r", "\u001b");
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals("r.json"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));

        JsonNode results = JSON.readTree(file.toFile());
        assertThat(results).hasSize(2); // acks = 1, all
        JmhConsumers.githubActionBenchmark(results);
        JmhConsumers.jmhVisualizer(results);
        JmhConsumers.bencher(results);
        List<String> acks = new ArrayList<>();
        for (JsonNode r : results) {
            acks.add(r.get("params").get("acks").asText());
            assertThat(r.get("benchmark").asText()).isEqualTo("io.msgbench.benchmarks.LatencyTest.endToEndLatencyCorrected");
            assertThat(r.get("mode").asText()).isEqualTo("sample");
            assertThat(r.get("measurementIterations").asInt()).isEqualTo(2);
            assertThat(r.get("measurementTime").asText()).isEqualTo("2 s");
            assertThat(r.get("params").get("client").asText()).isEqualTo("kafka");

            JsonNode primary = r.get("primaryMetric");
            assertThat(primary.get("scoreUnit").asText()).isEqualTo("ms/op");
            assertThat(primary.get("score").asDouble()).isPositive();
            assertOrderedPositivePercentiles(primary.get("scorePercentiles"));
            assertThat(primary.get("rawDataHistogram")).hasSize(1);
            assertThat(primary.get("rawDataHistogram").get(0)).hasSize(2);

            JsonNode secondary = r.get("secondaryMetrics");
            assertThat(secondary.has("endToEndLatencyCorrected")).isFalse(); // the primary is not repeated
            for (String latency : LATENCIES) {
                assertThat(secondary.get(latency).get("scoreUnit").asText()).isEqualTo("ms/op");
                assertThat(secondary.get(latency).get("rawData").get(0)).hasSize(2);
            }
            assertOrderedPositivePercentiles(secondary.get("endToEndLatency").get("scorePercentiles"));
            long sent = secondary.get("messagesSent").get("score").asLong();
            long received = secondary.get("messagesReceived").get("score").asLong();
            // 500 msg/s for 2 × 2 s, within the timer's slack
            assertThat(sent).isBetween(1900L, 2100L);
            assertThat(received).isEqualTo(sent);
            assertThat(secondary.get("publishErrors").get("score").asLong()).isZero();
            // verified message by message, and the result says so
            for (String verdict : List.of("messagesLost", "messagesDuplicated", "messagesOutOfOrder")) {
                assertThat(secondary.get(verdict).get("score").asLong()).as(verdict).isZero();
                assertThat(secondary.get(verdict).get("scoreUnit").asText()).isEqualTo("#");
            }
            assertThat(secondary.get("publishRate").get("score").asDouble()).isBetween(475.0, 525.0);
            assertThat(secondary.get("consumeRate").get("scoreUnit").asText()).isEqualTo("ops/s");
            assertThat(secondary.get("publishThroughput").get("scoreUnit").asText()).isEqualTo("MB/s");
            assertThat(secondary.has("p0.99")).isTrue();
            // -prof gc, on by default: the forked worker JVM's allocation and collections, under JMH's names
            assertThat(secondary.get("gc.alloc.rate").get("scoreUnit").asText()).isEqualTo("MB/sec");
            assertThat(secondary.get("gc.alloc.rate").get("score").asDouble()).isPositive();
            assertThat(secondary.get("gc.alloc.rate.norm").get("scoreUnit").asText()).isEqualTo("B/op");
            assertThat(secondary.get("gc.alloc.rate.norm").get("score").asDouble()).isPositive();
            assertThat(secondary.get("gc.count").get("scoreUnit").asText()).isEqualTo("counts");
            assertThat(secondary.get("gc.time").get("scoreUnit").asText()).isEqualTo("ms");

            JsonNode extra = r.get("msgbench");
            assertThat(extra.get("configuration").get("producer").get("acks").asText())
                    .isEqualTo(r.get("params").get("acks").asText());
            assertThat(extra.get("configuration").get("producer").has("linger.ms")).isTrue();
            assertThat(extra.get("configuration").get("consumer").get("group.protocol").asText()).isEqualTo("classic");
            assertThat(extra.get("configuration").get("broker").get("kind").asText()).isEqualTo("external");
            assertThat(extra.get("forks").get(0).get("drain").get("complete").asBoolean()).isTrue();
            assertThat(extra.get("forks").get(0).get("iterations")).hasSize(3);
            for (JsonNode iteration : extra.get("forks").get(0).get("iterations")) {
                // 2-s iterations, 10-s report periods: one period each, holding all the iteration's messages
                assertThat(iteration.get("periods")).hasSize(1);
                assertThat(iteration.get("periods").get(0).get("messagesSent").asLong())
                        .isEqualTo(iteration.get("messagesSent").asLong());
            }
            assertThat(extra.get("statistics").has("endToEndLatencyCorrected.p99")).isTrue();
        }
        assertThat(acks).containsExactly("1", "all");

        // the reports beside it, with the same stem; and the report command renders the same from the saved JSON
        assertThat(Files.readString(dir.resolve("r.csv")).split("\r\n")).hasSize(3);
        assertThat(Files.readString(dir.resolve("r.md"))).contains("| acks | client | partitionsPerTopic | producerRate |");
        assertThat(Files.readString(dir.resolve("r.html"))).contains("<svg", "</html>");
        for (String format : List.of("csv", "md", "html")) {
            Outcome rendered = run("report", file.toString(), "--format", format, "-o", dir.resolve("again." + format).toString());
            assertThat(rendered.exitCode()).as(rendered.err()).isZero();
            String fresh = Files.readString(dir.resolve("r." + format));
            String again = Files.readString(dir.resolve("again." + format));
            // chart clip-path ids are numbered per process; everything else is the same
            assertThat(again.replaceAll("c\\d+-clip", "clip")).as(format).isEqualTo(fresh.replaceAll("c\\d+-clip", "clip"));
        }

        // raw data beside the JSON: HdrHistogram interval logs, one interval per measurement iteration
        Path hlog = dir.resolve("LatencyTest-acks=1-client=kafka-partitionsPerTopic=2-producerRate=500-endToEndLatencyCorrected.hlog");
        assertThat(hlog).isRegularFile();
        long count = 0;
        int intervals = 0;
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            assertThat(h.getTag()).isNull();
            count += ((Histogram) h).getTotalCount();
            intervals++;
        }
        assertThat(intervals).isEqualTo(2);
        assertThat(count).isEqualTo(results.get(0).get("secondaryMetrics").get("messagesReceived").get("score").asLong());
        // and HdrHistogram's own processor reads it
        Path percentiles = dir.resolve("processed");
        new HistogramLogProcessor(new String[] {"-i", hlog.toString(), "-o", percentiles.toString()}).run();
        assertThat(Files.readString(Path.of(percentiles + ".hgrm"))).contains("Percentile").contains("#[Max");
    }

    @Test
    void failedForksAreReportedAndTheRunGoesOnUnlessFailOnError(@TempDir Path dir) {
        String file = dir.resolve("failed.json").toString();
        Outcome o = run("LatencyTest", "-jvmArgs", "-Xmx1k", "-wi", "0", "-i", "1", "-r", "1s", "-rff", file,
                "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(o.exitCode()).isEqualTo(1);
        List<String> errors = o.err().lines().filter(l -> l.startsWith("ERROR")).toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("ERROR: scenario LatencyTest (client=kafka, acks=1) failed: ")
                .contains("exited with code 1");
        assertThat(errors.get(1)).startsWith("ERROR: scenario LatencyTest (client=kafka, acks=all) failed: ");
        assertThat(Files.exists(Path.of(file))).isFalse();

        Outcome foe = run("LatencyTest", "-jvmArgs", "-Xmx1k", "-foe", "true", "-wi", "0", "-i", "1", "-r", "1s",
                "-rff", file, "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(foe.exitCode()).isEqualTo(1);
        assertThat(foe.err().lines().filter(l -> l.startsWith("ERROR"))).hasSize(1);
        assertThat(foe.out()).contains("-foe true: stopping the run").doesNotContain("acks=all");
    }

    @Test
    void defaultRunStartsAndRemovesItsOwnBroker(@TempDir Path dir) throws Exception {
        java.util.Set<Path> brokersBefore = brokerDirectories();
        Path file = dir.resolve("embedded.json");
        Outcome o = run("LatencyTest", "-p", "acks=1", "-p", "producerRate=200", "-wi", "0", "-i", "1", "-r", "1s",
                "-prof", "none", "-rff", file.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("# Cluster: embedded Kafka 4.4");
        JsonNode r = JSON.readTree(file.toFile()).get(0);
        JsonNode broker = r.get("msgbench").get("configuration").get("broker");
        assertThat(broker.get("kind").asText()).isEqualTo("embedded");
        assertThat(broker.get("settings").get("num.io.threads").asText()).isEqualTo("2");
        assertThat(r.get("secondaryMetrics").get("messagesReceived").get("score").asDouble())
                .isEqualTo(r.get("secondaryMetrics").get("messagesSent").get("score").asDouble()).isPositive();
        assertThat(r.get("secondaryMetrics").has("gc.alloc.rate")).as("-prof none").isFalse();
        // the run's own broker directory is gone (stale ones of dead processes may have been swept too)
        assertThat(brokerDirectories()).isSubsetOf(brokersBefore);
    }

    /** Broker directories of live or dead embedded brokers in the temporary folder. */
    private static java.util.Set<Path> brokerDirectories() throws java.io.IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("msgbench-broker-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static void assertOrderedPositivePercentiles(JsonNode percentiles) {
        double previous = 0;
        for (String key : List.of("0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0")) {
            double v = percentiles.get(key).asDouble();
            assertThat(v).as(key).isPositive().isGreaterThanOrEqualTo(previous);
            previous = v;
        }
    }

    @Test
    void regexpMatchingNothing() {
        Outcome o = run("NoSuchBenchmark");
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("No matching benchmarks. Miss-spelled regexp?");
    }

    @Test
    void unknownClientIsOneLineNamingTheKnownDrivers(@TempDir Path dir) {
        Outcome o = run("LatencyTest", "-p", "client=rabbit", "-rff", dir.resolve("x.json").toString(),
                "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("ERROR: Unknown client 'rabbit'; known drivers: aiokafka, confluent-kafka, kafka, kafka-lossy, kafka-python, mqtt, nats, rabbitmq, redis");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void unknownParameterFailsBeforeAnyBrokerWork(@TempDir Path dir) {
        Outcome o = run("LatencyTest", "-p", "lingerr.ms=5", "-rff", dir.resolve("x.json").toString(),
                "--bootstrap", "127.0.0.1:1");
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err()).startsWith("ERROR: Unknown parameter 'lingerr.ms'").doesNotContain("at io.msgbench");
        assertThat(o.out()).doesNotContain("Cluster");
    }

    @Test
    void anUnknownProfilerIsOneLineBeforeAnyBrokerWorkAndLprofListsThem(@TempDir Path dir) {
        Outcome o = run("LatencyTest", "-prof", "stack", "-rff", dir.resolve("x.json").toString(), "--bootstrap",
                "127.0.0.1:1");
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("ERROR: Unknown profiler 'stack'; known: gc, os, broker, client, jfr, none (-lprof lists them)");
        assertThat(o.out()).doesNotContain("Cluster");
        Outcome list = run("-lprof");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("Supported profilers:").contains("gc: the worker JVM's heap allocation")
                .contains("os: the load generator's host").contains("broker: the broker's own figures");
    }

    @Test
    void unreachableBootstrapIsAClearErrorWithin30Seconds(@TempDir Path dir) {
        long start = System.nanoTime();
        Outcome o = run("LatencyTest", "-rff", dir.resolve("x.json").toString(), "--bootstrap", "127.0.0.1:1");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err().lines().filter(l -> l.startsWith("ERROR")).toList()).singleElement().asString()
                .contains("127.0.0.1:1");
        assertThat(o.err()).doesNotContain("\tat ");
        assertThat(seconds).isLessThan(10); // a refused port is known at once
        assertThat(Files.exists(dir.resolve("x.json"))).isFalse();
    }
}
