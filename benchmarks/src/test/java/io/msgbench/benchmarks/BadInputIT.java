package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything the command line and its files can say wrong (issue 16): each case ends in exactly one line on standard
 * error naming the problem, a non-zero exit, within seconds and before any broker work (no cluster is started or
 * reached: the bootstrap given, 127.0.0.1:1, answers nothing, and nothing may try it).
 */
class BadInputIT {
    /** A bad input is refused before any broker work: well under the clients' own timeouts. */
    private static final double MAX_SECONDS = 10;

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "name: x\ntopics: [1,\n  bad: : :\n");
        Files.writeString(dir.resolve("baddriver.yaml"), "name: k\ndriverClass: "
                + "io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver\nreplicationFactor: three\n");
        Files.writeString(dir.resolve("empty.json"), "[]");
        Files.writeString(dir.resolve("notjson.json"), "<xml/>");
        Files.createDirectories(dir.resolve("adir"));
    }

    private static String at(String name) {
        return dir.resolve(name).toString();
    }

    /** {exit code, the line's start or a part of it, arguments...}. */
    static Stream<Arguments> cases() {
        String bootstrap = "127.0.0.1:1";
        String throughput = Path.of("..", "drivers", "kafka", "kafka-throughput.yaml").toString();
        String workload = Path.of("..", "workloads", "1-topic-16-partitions-1kb.yaml").toString();
        List<Object[]> c = new ArrayList<>();
        // client settings, checked by the client's own definitions
        c.add(new Object[] {1, "ERROR: Unknown parameter 'lingerr.ms'", "LatencyTest", "-p", "lingerr.ms=5"});
        c.add(new Object[] {1, "ERROR: Kafka producer setting refused by kafka-clients: Invalid value abc for "
                + "configuration linger.ms", "LatencyTest", "-p", "linger.ms=abc"});
        c.add(new Object[] {1, "ERROR: Kafka producer setting refused by kafka-clients: Invalid value 2 for "
                + "configuration acks: String must be one of: all, -1, 0, 1", "LatencyTest", "-p", "acks=2"});
        c.add(new Object[] {1, "configuration max.in.flight.requests.per.connection: Value must be at least 1",
                "LatencyTest", "-p", "max.in.flight.requests.per.connection=0"});
        c.add(new Object[] {1, "ERROR: Kafka consumer setting refused by kafka-clients: Invalid value -3 for "
                + "configuration fetch.min.bytes", "LatencyTest", "-p", "fetch.min.bytes=-3"});
        // workload parameters
        c.add(new Object[] {1, "ERROR: Unknown client 'rabbit'; known drivers:", "LatencyTest", "-p", "client=rabbit"});
        c.add(new Object[] {1, "ERROR: LatencyTest: producerRate must be a positive number", "LatencyTest", "-p",
                "producerRate=-5"});
        c.add(new Object[] {1, "ERROR: LatencyTest: messageSize 10 is smaller than the 32-byte stamp", "LatencyTest",
                "-p", "messageSize=10"});
        c.add(new Object[] {1, "ERROR: LatencyTest: partitionsPerTopic must be at least 1, was 0", "LatencyTest", "-p",
                "partitionsPerTopic=0"});
        c.add(new Object[] {1, "ERROR: -p nosuchparam: expected name=value[,value...]", "LatencyTest", "-p",
                "nosuchparam"});
        c.add(new Object[] {1, "ERROR: LatencyTest: 'NOPE' is not a key distributor", "LatencyTest", "-p",
                "keyDistributor=NOPE"});
        c.add(new Object[] {1, "No matching benchmarks", "NoSuchBenchmarkAnywhere"});
        // options
        c.add(new Object[] {1, "ERROR: Unknown profiler 'stack'; known: gc, os, broker, client, jfr, none",
                "LatencyTest", "-prof", "stack"});
        c.add(new Object[] {1, "ERROR: Profiler gc takes no options", "LatencyTest", "-prof", "gc:churn=true"});
        c.add(new Object[] {1, "ERROR: -prof none and -prof gc exclude each other", "LatencyTest", "-prof", "none",
                "-prof", "gc"});
        c.add(new Object[] {1, "ERROR: --live must be a port from 0 to 65535, was 70000", "LatencyTest", "--live",
                "70000"});
        c.add(new Object[] {1, "ERROR: Result format 'yaml' is not supported; supported: json, csv, md, html, omb, "
                + "bmf, github-smaller, github-bigger", "LatencyTest", "-rf", "yaml"});
        c.add(new Object[] {1, "ERROR: Invalid value for option '--time-unit': 'parsecs' is not a time unit",
                "LatencyTest", "-tu", "parsecs"});
        c.add(new Object[] {1, "ERROR: -t must be at least 1, was 0", "LatencyTest", "-t", "0"});
        c.add(new Object[] {1, "ERROR: warmup iterations must be 0 or more, was -1", "LatencyTest", "-wi", "-1"});
        c.add(new Object[] {1, "ERROR: measurement iterations must be at least 1, was 0", "LatencyTest", "-i", "0"});
        c.add(new Object[] {1, "ERROR: Invalid value for option '--measurement-time': 'abc' is not a time",
                "LatencyTest", "-r", "abc"});
        c.add(new Object[] {1, "ERROR: Invalid value for option '--warmup-time': '5x': unknown time unit 'x'",
                "LatencyTest", "-w", "5x"});
        c.add(new Object[] {1, "ERROR: forks must be 0 or more, was -1", "LatencyTest", "-f", "-1"});
        c.add(new Object[] {1, "ERROR: --report-interval must be positive, was 0 s", "LatencyTest",
                "--report-interval", "0s"});
        c.add(new Object[] {1, "ERROR: Missing required parameter for option '--jvm-args'", "LatencyTest",
                "-jvmArgs"});
        c.add(new Object[] {1, "ERROR: Unknown option: '--frobnicate'", "LatencyTest", "--frobnicate"});
        c.add(new Object[] {1, "ERROR: Invalid value for option '--verbosity': expected one of [SILENT, NORMAL, EXTRA]",
                "LatencyTest", "-v", "LOUD"});
        c.add(new Object[] {1, "ERROR: --containers and --cluster exclude each other", "LatencyTest", "--containers"});
        // the embedded broker's tuning, checked by Kafka's own definitions before it starts
        c.add(new Object[] {1, "ERROR: --broker-config num.io.threadz: not a Kafka broker setting (Kafka 4.4.0)",
                "LatencyTest", "--broker-config", "num.io.threadz=4"});
        c.add(new Object[] {1, "ERROR: --broker-config num.io.threads=abc: refused by the Kafka broker's definitions: "
                + "Invalid value abc for configuration num.io.threads: Not a number of type INT", "LatencyTest",
                "--broker-config", "num.io.threads=abc"});
        c.add(new Object[] {1, "ERROR: --broker-config listeners: msgbench's embedded broker sets it", "LatencyTest",
                "--broker-config", "listeners=PLAINTEXT://:9092"});
        c.add(new Object[] {1, "ERROR: --broker-heap 2q: a size like 512m or 2g", "LatencyTest", "--broker-heap",
                "2q"});
        c.add(new Object[] {1, "ERROR: --broker-heap and --broker-config tune the embedded broker; the run uses a "
                + "cluster named by --cluster or a driver file: run without them", "LatencyTest", "--broker-heap", "2g"});
        c.add(new Object[] {1, "ERROR: --fail-on nothing: choose loss, errors, schedule, warnings, all or none",
                "LatencyTest", "--fail-on", "nothing"});
        c.add(new Object[] {1, "ERROR: --fail-on all,loss: all stands alone", "LatencyTest", "--fail-on", "all,loss"});
        // OMB's command line
        c.add(new Object[] {1, "ERROR: omb needs OMB driver files: -d driver.yaml[,driver.yaml...]", "omb", workload});
        c.add(new Object[] {1, "ERROR: omb needs OMB workload files: omb -d driver.yaml workload.yaml...", "omb", "-d",
                throughput});
        c.add(new Object[] {1, "ERROR: omb -o r.json names one result file, but 2 workload(s) × 1 driver(s) make 2 runs",
                "omb", "-d", throughput, "-o", "r.json", workload, workload});
        c.add(new Object[] {1, "ERROR: omb -x: extra consumer workers are not supported", "omb", "-x", "-d", throughput,
                workload});
        c.add(new Object[] {1, "ERROR: omb -c: msgbench does not convert OMB result files to CSV", "omb", "-c", "dir",
                "-d", throughput, workload});
        c.add(new Object[] {1, "ERROR: -o /proc/msgbench/r.json: cannot write in /proc/msgbench", "omb", "-d",
                throughput, "-o", "/proc/msgbench/r.json", workload});
        // output locations, proved writable before the measurement
        c.add(new Object[] {1, "ERROR: -rff /proc/msgbench/r.json: cannot write in /proc/msgbench", "LatencyTest",
                "-rff", "/proc/msgbench/r.json"});
        c.add(new Object[] {1, "ERROR: -rff /etc/hostname/r.json: cannot write in /etc/hostname (a file is in the way)",
                "LatencyTest", "-rff", "/etc/hostname/r.json"});
        // files
        c.add(new Object[] {1, "ERROR: " + at("missing.yaml") + ": no such file", "--workload", at("missing.yaml"),
                "-d", throughput});
        c.add(new Object[] {1, "ERROR: " + at("bad.yaml") + ":3:6: malformed YAML: while parsing a flow node; "
                + "expected the node content, but found ':'", "--workload", at("bad.yaml"), "-d", throughput});
        c.add(new Object[] {1, "ERROR: " + at("baddriver.yaml") + ":3: replicationFactor: expected a whole number, "
                + "found 'three'", "--workload", workload, "-d", at("baddriver.yaml")});
        // workers
        c.add(new Object[] {1, "ERROR: Worker at http://127.0.0.1:1 did not answer /hello", "LatencyTest",
                "--workers", "http://127.0.0.1:1"});
        c.add(new Object[] {1, "ERROR: --token-file " + at("missing-token") + ": no such file", "LatencyTest",
                "--workers", "http://127.0.0.1:1", "--token-file", at("missing-token")});
        c.add(new Object[] {1, "ERROR: " + at("missing-workers.yaml") + ": no such file", "LatencyTest",
                "--workers-file", at("missing-workers.yaml")});
        // compare (exit 2: unusable input)
        c.add(new Object[] {2, "ERROR: " + at("missing.json") + ": no such file", "compare", at("missing.json"),
                at("empty.json")});
        c.add(new Object[] {2, "ERROR: " + at("notjson.json") + ": not valid JSON at line 1, column 1", "compare",
                at("notjson.json"), at("notjson.json")});
        c.add(new Object[] {2, "ERROR: --threshold lots: not a percentage, e.g. 10%", "compare", at("empty.json"),
                at("empty.json"), "--threshold", "lots"});
        c.add(new Object[] {2, "ERROR: Unknown option: '--frobnicate'", "compare", at("empty.json"), at("empty.json"),
                "--frobnicate"});
        // report
        c.add(new Object[] {1, "ERROR: " + at("adir") + ": a directory, not a result file", "report", at("adir"),
                "--format", "md"});
        c.add(new Object[] {1, "ERROR: --format pdf: choose csv, md, html, bmf, github-smaller or github-bigger",
                "report", at("empty.json"), "--format", "pdf"});
        c.add(new Object[] {1, "ERROR: " + at("notjson.json") + ": not valid JSON at line 1", "report",
                at("notjson.json"), "--format", "md"});
        c.add(new Object[] {1, "ERROR: -o /proc/msgbench/r.md: cannot write in /proc/msgbench", "report",
                at("empty.json"), "--format", "md", "-o", "/proc/msgbench/r.md"});
        c.add(new Object[] {1, "ERROR: " + at("missing.json") + ": no such file", "report", at("missing.json"),
                "--format", "md"});
        // the other subcommands
        c.add(new Object[] {1, "ERROR: --port must be from 0 to 65535, was 70000", "worker", "--port", "70000"});
        c.add(new Object[] {1, "ERROR: Invalid value for option '--port': 'abc' is not an int", "worker", "--port",
                "abc"});
        c.add(new Object[] {1, "ERROR: Unknown option: '--frob'", "broker", "--frob"});
        return c.stream().map(row -> {
            List<String> args = new ArrayList<>();
            for (int i = 2; i < row.length; i++) {
                args.add((String) row[i]);
            }
            boolean run = !List.of("compare", "report", "worker", "broker", "omb").contains(args.get(0));
            if (run) {
                // a cluster that answers nothing, and a result file of its own: nothing may reach either (given first:
                // the case's last option may want a value)
                List<String> context = new ArrayList<>(List.of("--bootstrap", bootstrap));
                if (!args.contains("-rff")) {
                    context.addAll(List.of("-rff", dir.resolve("out").resolve("r.json").toString()));
                }
                args.addAll(0, context);
            }
            return Arguments.of(String.join(" ", args), row[0], row[1], args.toArray(String[]::new));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isOneLineAndANonZeroExitBeforeAnyBrokerWork(String name, int exitCode, String line, String[] args) {
        long start = System.nanoTime();
        Outcome o = CommandLineRun.run(Map.of(), args);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bad input: %s -> exit %d in %.1f s: %s%n", name, o.exitCode(), seconds, o.err().strip());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(exitCode);
        assertThat(o.err().lines().toList()).as("standard error").singleElement().asString().contains(line);
        assertThat(o.out()).as("no broker work").doesNotContain("# Cluster", "# Scenario", "Iteration");
        assertThat(seconds).as("refused at once").isLessThan(MAX_SECONDS);
        assertThat(dir.resolve("out").resolve("r.json")).as("no result file").doesNotExist();
    }

    /**
     * A cluster that cannot be reached is found out by the first broker work, not the last: a name that resolves to
     * nothing and a port that refuses are one line within seconds, no Kafka log line before it and no result file.
     */
    @ParameterizedTest(name = "--bootstrap {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "nosuchhost.invalid:9092|ERROR: Kafka cluster at nosuchhost.invalid:9092 cannot be contacted: No resolvable "
                    + "bootstrap urls given in bootstrap.servers",
            "127.0.0.1:1|ERROR: No Kafka broker answers at 127.0.0.1:1 (127.0.0.1:1: Connection refused)"})
    void anUnreachableClusterIsOneLineWithinSeconds(String bootstrap, String line) {
        Path result = dir.resolve("unreachable").resolve("r.json");
        long start = System.nanoTime();
        Outcome o = CommandLineRun.run(Map.of(), "LatencyTest", "--bootstrap", bootstrap, "-wi", "0", "-i", "1", "-r",
                "1s", "-rff", result.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(1);
        assertThat(o.err().lines().toList()).as("standard error").containsExactly(line);
        assertThat(o.out()).doesNotContain("# Scenario");
        assertThat((System.nanoTime() - start) / 1e9).as("found out at once").isLessThan(MAX_SECONDS);
        assertThat(result).as("no result file").doesNotExist();
    }
}
