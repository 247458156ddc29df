package io.msgbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.SharedKafkaBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The maximum-rate search end to end, in a forked worker, with trials short enough for CI. */
@ExtendWith(SharedKafkaBroker.class)
class ThroughputTestIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsAConfirmedRateAndHoldsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        long start = System.nanoTime();
        CommandLineRun.Outcome o = CommandLineRun.run("ThroughputTest", "-w", "1s", "-i", "1", "-r", "2s",
                "-rff", file.toString(), "--bootstrap", SharedKafkaBroker.bootstrapServers());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(o.exitCode()).as(o.err() + o.out()).isZero();
        assertThat(o.out()).contains("# Maximum-rate search: trials of 1 s (confirmations 3 s)", "Search      1: bracket",
                "# Maximum sustainable rate:", "maximum sustainable rate");
        System.out.printf("max-rate search with 1 s trials: %.0f s%n%s", seconds, o.out());

        JsonNode r = JSON.readTree(file.toFile()).get(0);
        assertThat(r.get("benchmark").asText()).isEqualTo("io.msgbench.benchmarks.ThroughputTest.publishRate");
        assertThat(r.get("mode").asText()).isEqualTo("thrpt");
        assertThat(r.get("primaryMetric").get("scoreUnit").asText()).isEqualTo("ops/s");
        double found = r.get("secondaryMetrics").get("maxSustainableRate").get("score").asDouble();
        assertThat(found).isGreaterThanOrEqualTo(1_000);
        // the measurement runs at the rate found and reports what was sent: the rate itself when it holds, less
        // when the generator fell behind (the broker shares two cores here; the unsent messages are counted)
        assertThat(r.get("primaryMetric").get("score").asDouble()).isBetween(found * 0.8, found * 1.01);
        assertThat(r.get("secondaryMetrics").has("p0.99")).isFalse(); // sample-mode companions only in sample mode
        assertThat(r.get("secondaryMetrics").get("endToEndLatencyCorrected").get("scoreUnit").asText())
                .isEqualTo("ms/op");
        assertThat(r.get("secondaryMetrics").get("messagesLost").get("score").asLong()).isZero();

        JsonNode search = r.get("msgbench").get("forks").get(0).get("search");
        assertThat(search.get("maxSustainableRate").asDouble()).isEqualTo(found);
        JsonNode trials = search.get("trials");
        assertThat(trials.size()).isBetween(3, 30); // RateSearchRunner.MAX_TRIALS
        JsonNode last = trials.get(trials.size() - 1);
        JsonNode beforeLast = trials.get(trials.size() - 2);
        for (JsonNode t : new JsonNode[] {beforeLast, last}) {
            assertThat(t.get("stage").asText()).isEqualTo("confirm");
            assertThat(t.get("sustained").asBoolean()).isTrue();
            assertThat(t.get("targetRate").asDouble()).isEqualTo(found);
        }
        assertThat(r.get("msgbench").get("primaryMetric").asText()).isEqualTo("publishRate");
    }
}
