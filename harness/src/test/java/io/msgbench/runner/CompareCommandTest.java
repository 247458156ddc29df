package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.report.compare.ComparisonTest;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}'s exit codes and output, on msgbench's real example file. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private static Outcome run(String... args) {
        return CommandLineRun.run(Map.of(), args);
    }

    private Path example() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/msgbench-examples/latency-two-forks.json")) {
            return Files.write(dir.resolve("base.json"), in.readAllBytes());
        }
    }

    @Test
    void aResultAgainstItselfExitsZeroAndDoubledLatenciesExitOne() throws Exception {
        Path base = example();
        Outcome same = run("compare", base.toString(), base.toString());
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).startsWith("benchmark ").contains("unchanged")
                .doesNotContain("regressed  ", "improved  ", "inconclusive  ")
                .contains("8 metric(s) compared at a threshold of 20.0 %: 0 regressed, 0 improved, 8 unchanged, 0 "
                        + "inconclusive.");

        Path slower = Files.write(dir.resolve("slower.json"), ComparisonTest.transformedJson(
                "msgbench-examples/latency-two-forks.json", u -> u.equals("ms/op"), v -> 2 * v));
        Outcome doubled = run("compare", base.toString(), slower.toString(), "--format", "md");
        assertThat(doubled.exitCode()).isEqualTo(1);
        assertThat(doubled.out()).startsWith("| benchmark | params | metric | base | new | change | 99 % interval | verdict |")
                .contains("| +100.0 % |", "| regressed |");

        // the noisy acks=1 scenario alone: doubled, but its interval is too wide to show it: inconclusive, exit 3
        Outcome noisy = run("compare", base.toString(), slower.toString(), "--metric", "endToEndLatencyCorrected.p99");
        assertThat(noisy.exitCode()).as(noisy.out()).isEqualTo(3);
        assertThat(noisy.out().lines().filter(l -> l.endsWith("unchanged"))).as("no row says unchanged").isEmpty();
        assertThat(noisy.out()).contains("inconclusive")
                .containsPattern("Inconclusive: LatencyTest.endToEndLatencyCorrected \\(acks=[^)]*\\) "
                        + "endToEndLatencyCorrected.p99: to settle it, about -f [0-9]+ on both sides");
        assertThat(run("compare", base.toString(), slower.toString(), "--metric", "endToEndLatencyCorrected.p99",
                "--inconclusive-passes").exitCode()).isZero();
    }

    /**
     * Two honest runs of the same command, one after the other on this 2-core machine (LatencyTest -f 2 -wi 1 -w 3s
     * -i 2 -r 5s, recorded 2026-12-06): their tail latencies differ by up to 2.6 times, as such runs do here, and
     * compare must not call that a regression (nor an improvement): it says inconclusive, and how to settle it.
     */
    @Test
    void twoHonestRunsAreNotARegression() throws Exception {
        Path first = gunzipped("latency-honest-run1.json");
        Path second = gunzipped("latency-honest-run2.json");
        for (Path[] pair : new Path[][] {{first, second}, {second, first}}) {
            Outcome o = run("compare", pair[0].toString(), pair[1].toString());
            assertThat(o.exitCode()).as(o.out()).isIn(0, 3);
            assertThat(o.out()).as(o.out()).doesNotContain(" regressed\n", " improved\n")
                    .contains("0 regressed, 0 improved");
        }
    }

    private Path gunzipped(String name) throws Exception {
        try (InputStream in = new java.util.zip.GZIPInputStream(
                getClass().getResourceAsStream("/msgbench-examples/" + name + ".gz"))) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void unusableInputIsOneLineAndExitCodeTwo() throws Exception {
        Path base = example();
        Path notJson = Files.writeString(dir.resolve("x.json"), "<xml/>");
        Path other = Files.writeString(dir.resolve("other.json"), "[]");
        for (String[] args : new String[][] {
                {"compare", base.toString(), dir.resolve("missing.json").toString()},
                {"compare", notJson.toString(), base.toString()},
                {"compare", base.toString(), other.toString()},
                {"compare", base.toString(), base.toString(), "--threshold", "lots"},
                {"compare", base.toString(), base.toString(), "--metric", "nope.p99"},
                {"compare", base.toString(), base.toString(), "--frobnicate"},
                {"compare", base.toString()}}) {
            Outcome o = run(args);
            assertThat(o.exitCode()).as(String.join(" ", args) + ": " + o.err()).isEqualTo(2);
            assertThat(o.err().lines().filter(l -> l.startsWith("ERROR: "))).as(o.err()).hasSize(1);
        }
    }

    /**
     * Eight runs an hour apart, the latencies doubled from the fifth on (each run a little off the others, as runs
     * are): --history names the fifth run as where they changed, a regression, and nothing for the unchanged rate.
     */
    @Test
    void historyFindsWhereTheLatenciesDoubled() throws Exception {
        double[] factors = {1.00, 1.03, 0.98, 1.01, 2.00, 2.04, 1.97, 2.02};
        Path runs = Files.createDirectories(dir.resolve("runs"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        long hour = 3_600_000_000_000L;
        for (int i = 0; i < factors.length; i++) {
            double f = factors[i];
            com.fasterxml.jackson.databind.JsonNode tree = json.readTree(ComparisonTest.transformedJson(
                    "msgbench-examples/latency-two-forks.json", u -> u.equals("ms/op"), v -> f * v));
            for (com.fasterxml.jackson.databind.JsonNode r : tree) {
                for (com.fasterxml.jackson.databind.JsonNode fork : r.get("msgbench").get("forks")) {
                    for (com.fasterxml.jackson.databind.JsonNode it : fork.get("iterations")) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) it).put("startEpochNanos",
                                it.get("startEpochNanos").asLong() + i * hour);
                    }
                }
            }
            // folders named so that their order is not the runs' order: the time in the files decides
            Path folder = Files.createDirectories(runs.resolve("run-" + (char) ('h' - i)));
            Files.write(folder.resolve("results.json"), json.writeValueAsBytes(tree));
            Files.writeString(folder.resolve("results.bmf.json"), "{}"); // another file of the folder, passed over
        }
        Outcome o = run("compare", "--history", runs.toString(), "--metric", "endToEndLatencyCorrected.p50", "--metric",
                "publishRate");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("History of 8 runs, ")
                .contains("LatencyTest.endToEndLatencyCorrected (acks=1, client=kafka, producerRate=500)  "
                        + "endToEndLatencyCorrected.p50  from run 5 of 8 (")
                .contains("run-d" + java.io.File.separator + "results.json")
                .contains("regressed")
                .doesNotContain("publishRate  from run")
                .endsWith("2 change point(s).\n");
        Outcome none = run("compare", "--history", runs.resolve("run-h").resolve("results.json").toString(),
                runs.resolve("run-g").resolve("results.json").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("ERROR: --history needs at least 6 runs to find a change, found 2 result "
                + "file(s) in [" + runs.resolve("run-h").resolve("results.json") + ", "
                + runs.resolve("run-g").resolve("results.json") + "]");
        Outcome three = run("compare", example().toString(), example().toString(), example().toString());
        assertThat(three.exitCode()).isEqualTo(2);
        assertThat(three.err().strip()).isEqualTo("ERROR: compare needs two result files, BASE and NEW (or --history and "
                + "the runs' files or folders), was given 3");
    }
}
