package io.msgbench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.load.PayloadStamp;
import io.msgbench.load.RateSchedule;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Python agent's core and the Java engine agree: the same test vectors for the stamp and the schedule pass
 * on both sides, and Python's {@code time.monotonic_ns()} is Java's {@code System.nanoTime()}.
 */
class AgentCoreTest {
    /** Debian's interpreter: the one that sees Debian's client packages (the pyenv python3 on PATH does not). */
    private static final String PYTHON = "/usr/bin/python3";

    private static Path agentDir() throws URISyntaxException {
        return Path.of(AgentCoreTest.class.getResource("/io/msgbench/agent/agent_core.py").toURI()).getParent();
    }

    private static JsonNode vectors() throws Exception {
        return new ObjectMapper().readTree(agentDir().resolve("test-vectors.json").toFile());
    }

    @Test
    void javaStampsEveryVectorByteForByte() throws Exception {
        for (JsonNode v : vectors().get("stamps")) {
            byte[] payload = new byte[40];
            PayloadStamp.write(payload, v.get("phase").asInt(), v.get("producerId").asInt(), v.get("sequence").asLong(),
                    v.get("intendedEpochNanos").asLong(), v.get("sendEpochNanos").asLong());
            assertThat(HexFormat.of().formatHex(payload, 0, PayloadStamp.SIZE)).as(v.toString())
                    .isEqualTo(v.get("hex").asText());

            byte[] read = HexFormat.of().parseHex(v.get("hex").asText());
            assertThat(PayloadStamp.isStamped(read)).isTrue();
            assertThat(PayloadStamp.phase(read)).isEqualTo(v.get("phase").asInt());
            assertThat(PayloadStamp.producerId(read)).isEqualTo(v.get("producerId").asInt());
            assertThat(PayloadStamp.sequence(read)).isEqualTo(v.get("sequence").asLong());
            assertThat(PayloadStamp.intendedEpochNanos(read)).isEqualTo(v.get("intendedEpochNanos").asLong());
            assertThat(PayloadStamp.sendEpochNanos(read)).isEqualTo(v.get("sendEpochNanos").asLong());
        }
    }

    @Test
    void javaSchedulesEveryVector() throws Exception {
        for (JsonNode v : vectors().get("schedule")) {
            RateSchedule s = new RateSchedule(v.get("startEpochNanos").asLong(), v.get("ratePerSecond").asDouble());
            assertThat(s.intendedTime(v.get("index").asLong())).as(v.toString())
                    .isEqualTo(v.get("intendedEpochNanos").asLong());
        }
    }

    @Test
    void javaCountsWhatIsDueByEveryVector() throws Exception {
        for (JsonNode v : vectors().get("dueBy")) {
            RateSchedule s = new RateSchedule(v.get("startEpochNanos").asLong(), v.get("ratePerSecond").asDouble());
            assertThat(s.dueBy(v.get("epochNanos").asLong())).as(v.toString()).isEqualTo(v.get("dueBy").asLong());
        }
    }

    @Test
    void pythonPassesTheSameVectors() throws Exception {
        Path tests = Path.of("src", "test", "python").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "unittest", "-v", "test_agent_core")
                .directory(tests.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", agentDir() + java.io.File.pathSeparator + tests);
        pb.environment().put("MSGBENCH_VECTORS", agentDir().resolve("test-vectors.json").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("test_packs_every_vector_byte_for_byte .*\\.\\.\\. ok")
                .containsPattern("test_every_vector .*\\.\\.\\. ok").containsPattern("Ran \\d+ tests").contains("OK");
    }

    /**
     * The bracket check: each reading of Python's monotonic clock, asked for over a pipe, lies between Java's
     * nanoTime just before the question and just after the answer. A clock off by more than a pipe round trip
     * (tens of µs), or another clock (CLOCK_MONOTONIC_RAW was ~240 ms away here), fails at once.
     */
    @Test
    void pythonsMonotonicClockIsJavasNanoTime() throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", String.join("\n",
                "import sys, time",
                "for line in sys.stdin:",
                "    sys.stdout.write('%d\\n' % time.monotonic_ns())",
                "    sys.stdout.flush()")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII);
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            int inside = 0;
            int rounds = 2_000;
            for (int i = 0; i < rounds; i++) {
                long before = System.nanoTime();
                in.write("t\n");
                in.flush();
                long python = Long.parseLong(out.readLine().trim());
                long after = System.nanoTime();
                if (before <= python && python <= after) {
                    inside++;
                }
            }
            assertThat(inside).isEqualTo(rounds);
        } finally {
            p.destroy();
        }
        assertThat(Files.isExecutable(Path.of(PYTHON))).isTrue();
    }
}
