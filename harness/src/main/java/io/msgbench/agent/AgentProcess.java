package io.msgbench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.process.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One agent process: the Python files extracted from the class path into a directory of their own, the
 * interpreter started on {@code agent.py}, commands written as JSON lines, answers and events read from its
 * frames on a reader thread. Events go to the sink; a JSON frame with a {@code notice} (a consumer's assignment,
 * a sender's failure) goes to the notice handler; every other JSON frame answers the command in progress.
 * The agent's stdin is its lifeline: when this JVM goes, the agent's stdin ends and it exits.
 */
public final class AgentProcess implements AutoCloseable {
    /** Debian's interpreter sees Debian's client packages; the python3 first on PATH may not (pyenv). */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final String RESOURCES = "/io/msgbench/agent/";
    private static final List<String> CORE_FILES = List.of("agent.py", "agent_core.py", "client_null.py");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final Path directory;
    private final OutputStream commands;
    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    private final JsonNode hello;
    private volatile IOException streamFailure;
    private volatile long lastCpuNanos;

    private AgentProcess(ChildProcess process, Path directory, AgentEvents.Sink sink, Consumer<JsonNode> notices,
                         Duration startTimeout) throws IOException {
        this.process = process;
        this.directory = directory;
        this.commands = process.process().getOutputStream();
        Thread reader = new Thread(() -> read(process.process().getInputStream(), sink, notices),
                "msgbench-agent-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        process.keepTail(process.process().getErrorStream());
        this.hello = nextAnswer(startTimeout, "hello");
    }

    /**
     * Starts an agent with {@code python} on the core files and {@code adapterFiles} (resources of this
     * package, e.g. a client module's {@code client_confluent_kafka.py}) and waits for its hello.
     */
    public static AgentProcess start(String python, List<String> adapterFiles, AgentEvents.Sink sink,
                                     Consumer<JsonNode> notices, Duration startTimeout) {
        if (!Files.isExecutable(Path.of(python))) {
            throw new AgentException("no Python interpreter at " + python);
        }
        Path directory;
        try {
            directory = Files.createTempDirectory("msgbench-agent-");
            List<String> files = new ArrayList<>(CORE_FILES);
            files.addAll(adapterFiles);
            for (String file : files) {
                try (InputStream in = AgentProcess.class.getResourceAsStream(RESOURCES + file)) {
                    if (in == null) {
                        throw new AgentException("agent file " + file + " is not on the class path");
                    }
                    Files.copy(in, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new AgentException("cannot extract the agent: " + e.getMessage(), e);
        }
        ChildProcess process;
        try {
            process = ChildProcess.start("the agent", new ProcessBuilder(python, "-u",
                    directory.resolve("agent.py").toString()).directory(directory.toFile()));
        } catch (IOException e) {
            throw new AgentException("cannot start " + python + ": " + e.getMessage(), e);
        }
        try {
            return new AgentProcess(process, directory, sink, notices, startTimeout);
        } catch (IOException | RuntimeException e) {
            process.kill();
            throw e instanceof AgentException a ? a : new AgentException(e.getMessage(), e);
        }
    }

    /** What the agent said first: protocol version, pid, Python version, the clients it can import. */
    public JsonNode hello() {
        return hello;
    }

    /** Sends {@code command} and returns its answer, or throws with the agent's one-line error. */
    public JsonNode call(Map<String, ?> command, Duration timeout) {
        try {
            synchronized (commands) {
                commands.write(JSON.writeValueAsBytes(command));
                commands.write('\n');
                commands.flush();
            }
            JsonNode answer = nextAnswer(timeout, String.valueOf(command.get("op")));
            if (answer.has("error")) {
                throw new AgentException(answer.get("error").asText());
            }
            return answer;
        } catch (IOException e) {
            throw new AgentException("the agent does not take commands: " + explanation(), e);
        }
    }

    private JsonNode nextAnswer(Duration timeout, String what) throws IOException {
        try {
            JsonNode answer = answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (answer == null) {
                throw new AgentException("the agent did not answer " + what + " within " + timeout.toSeconds()
                        + " s: " + explanation());
            }
            if (answer.has("msgbench.endOfStream")) {
                throw new AgentException("the agent stopped before answering " + what + ": " + explanation());
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while waiting for the agent", e);
        }
    }

    private void read(InputStream stdout, AgentEvents.Sink sink, Consumer<JsonNode> notices) {
        AgentFrames frames = new AgentFrames(stdout);
        try {
            while (frames.next()) {
                if (frames.type() == AgentFrames.EVENTS) {
                    frames.events(sink);
                    continue;
                }
                JsonNode message = JSON.readTree(frames.text());
                if (message.has("notice")) {
                    notices.accept(message);
                } else {
                    answers.add(message);
                }
            }
        } catch (IOException e) {
            streamFailure = e;
        }
        answers.add(JSON.createObjectNode().put("msgbench.endOfStream", true));
    }

    /** The agent's state for an error message: its exit code if it ended, the stream failure, its stderr tail. */
    public String explanation() {
        String state = process.describe("the agent is running");
        if (streamFailure == null) {
            return state;
        }
        int at = state.indexOf("; its last output");
        String failure = "; " + streamFailure.getMessage();
        return at < 0 ? state + failure : state.substring(0, at) + failure + state.substring(at);
    }

    /**
     * CPU time the agent has used so far, all its threads (the client's own included), nanoseconds; the last
     * reading once it ended. Linux counts it in clock ticks (10 ms).
     */
    public long cpuNanos() {
        process.process().info().totalCpuDuration().ifPresent(d -> lastCpuNanos = Math.max(lastCpuNanos, d.toNanos()));
        return lastCpuNanos;
    }

    /** False once the process has ended. */
    public boolean alive() {
        return process.alive();
    }

    public long pid() {
        return process.pid();
    }

    /** Asks the agent to quit, ends its stdin, and makes sure it is gone within a bound. */
    @Override
    public void close() {
        try {
            synchronized (commands) {
                commands.write("{\"op\":\"quit\"}\n".getBytes(StandardCharsets.UTF_8));
                commands.close();
            }
        } catch (IOException e) {
            // already gone
        }
        process.stop(STOP_GRACE);
        try (var files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
