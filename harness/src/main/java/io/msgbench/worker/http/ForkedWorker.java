package io.msgbench.worker.http;

import io.msgbench.worker.WorkerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A worker in a fresh JVM launched from this JVM's classpath ({@link WorkerMain}), driven over HTTP on
 * loopback: what JMH calls a fork. Its output is kept (the last lines) to explain a fork that died.
 */
public final class ForkedWorker extends HttpWorker {
    private static final int TAIL_LINES = 20;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Deque<String> tail;
    private final List<String> command;

    private ForkedWorker(URI base, Process process, Deque<String> tail, List<String> command) {
        super(base, null);
        this.process = process;
        this.tail = tail;
        this.command = command;
    }

    /** Launches a fork with these JVM arguments and waits until it serves the worker API. */
    public static ForkedWorker launch(List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new WorkerException("Cannot start a fork: " + e.getMessage(), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, tail, port), "msgbench-fork-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int p = port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            ForkedWorker worker = new ForkedWorker(URI.create("http://127.0.0.1:" + p), process, tail, command);
            worker.open("fork of pid " + ProcessHandle.current().pid());
            return worker;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new WorkerException("The fork did not start within " + START_TIMEOUT.toSeconds() + " s: "
                    + describe(process, tail));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while starting a fork", e);
        }
    }

    private static void readOutput(Process process, Deque<String> tail, CompletableFuture<Integer> port) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!port.isDone() && line.startsWith(WorkerMain.READY_PREFIX)) {
                    port.complete(Integer.parseInt(line.substring(WorkerMain.READY_PREFIX.length()).trim()));
                    continue;
                }
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the fork is gone; its exit code tells the rest
        }
        port.completeExceptionally(new IOException("fork output ended"));
    }

    private static String describe(Process process, Deque<String> tail) {
        String state;
        try {
            state = process.waitFor(2, TimeUnit.SECONDS) ? "the fork exited with code " + process.exitValue()
                    : "the fork is running but does not answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "the fork's state is unknown";
        }
        synchronized (tail) {
            if (tail.stream().anyMatch(l -> l.contains("OutOfMemoryError"))) {
                state += " (out of memory: give the fork a larger heap with -jvmArgsAppend -Xmx<size>)";
            }
            return tail.isEmpty() ? state : state + "; its last output: " + String.join(" | ", tail);
        }
    }

    /** The process id of the fork, for the console. */
    public long pid() {
        return process.pid();
    }

    /** The command line the fork was started with. */
    public List<String> command() {
        return command;
    }

    @Override
    protected String unreachableExplanation() {
        return describe(process, tail);
    }

    /** Closes the worker through the API, then makes sure the JVM is gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            super.close();
        }
        try {
            process.getOutputStream().close(); // stdin EOF: the fork exits even if /close did not reach it
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
