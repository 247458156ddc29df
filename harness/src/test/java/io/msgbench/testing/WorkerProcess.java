package io.msgbench.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.runner.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code worker} in a JVM of its own, started as a user starts it (on a free loopback port unless the arguments
 * say otherwise), optionally behind a command prefix such as {@code ip netns exec NS}; killed when closed.
 */
public record WorkerProcess(Process process, URI uri) implements AutoCloseable {
    /** A worker on a free loopback port. */
    public static WorkerProcess start(Map<String, String> environment, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(args));
        return start(List.of(), environment, all);
    }

    /** A worker started as {@code prefix java ... worker args}; returns once it has printed its address. */
    public static WorkerProcess start(List<String> prefix, Map<String, String> environment, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "worker"));
        command.addAll(args);
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

    /** Sends {@code signal} (KILL, STOP, CONT) to the worker's JVM. */
    public void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
