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

/** OMB's backlog test end to end, small: 10 MiB of 1 KiB messages at 2,000 msg/s. */
@ExtendWith(SharedKafkaBroker.class)
class BacklogDrainTestIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void buildsTheBacklogPausedAndMeasuresItsDrain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        CommandLineRun.Outcome o = CommandLineRun.run("BacklogDrainTest", "-p", "consumerBacklogSizeGB=0.01",
                "-p", "producerRate=2000", "-p", "partitionsPerTopic=4", "-wi", "1", "-w", "1s", "-i", "1", "-r", "2s",
                "-to", "60s", "-f", "0", "-rff", file.toString(), "--bootstrap", SharedKafkaBroker.bootstrapServers());
        assertThat(o.exitCode()).as(o.err() + o.out()).isZero();
        assertThat(o.out()).contains("# Backlog test: consumers paused until 10,486 messages", "# Backlog built:",
                "# Backlog drained to");

        JsonNode r = JSON.readTree(file.toFile()).get(0);
        JsonNode backlog = r.get("msgbench").get("forks").get(0).get("backlog");
        assertThat(backlog.get("targetMessages").asLong()).isEqualTo(10_486); // 2^30 × 0.01 / 1024 = 10,485.76, rounded up
        assertThat(backlog.get("builtMessages").asLong()).isGreaterThanOrEqualTo(10_486);
        // 10,486 messages at 2,000 msg/s take 5.2 s; the poll every 100 ms and the pause taking effect add little
        assertThat(backlog.get("buildSeconds").asDouble()).isBetween(4.5, 10.0);
        assertThat(backlog.get("drained").asBoolean()).isTrue();
        assertThat(backlog.get("leftMessages").asLong()).isLessThanOrEqualTo(1_000);
        assertThat(backlog.get("drainSeconds").asDouble()).isPositive();
        double drainRate = r.get("secondaryMetrics").get("backlogDrainRate").get("score").asDouble();
        assertThat(drainRate).isEqualTo(backlog.get("netDrainRate").asDouble()).isPositive();
        // the consumers ran behind by the whole backlog and caught up: nothing lost on the way
        assertThat(r.get("secondaryMetrics").get("messagesLost").get("score").asLong()).isZero();
        assertThat(r.get("msgbench").get("warnings")).isEmpty();
    }
}
