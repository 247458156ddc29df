package io.msgbench.worker.http;

import io.msgbench.process.ChildProcess;
import io.msgbench.worker.WorkerException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
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
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ChildProcess process;
    private final List<String> command;

    private ForkedWorker(URI base, ChildProcess process, List<String> command) {
        super(base, null);
        this.process = process;
        this.command = command;
    }

    /** Launches a fork with these JVM arguments and waits until it serves the worker API. */
    public static ForkedWorker launch(List<String> jvmArgs) {
        List<String> command = ChildProcess.javaCommand(jvmArgs, WorkerMain.class, List.of());
        ChildProcess process;
        try {
            process = ChildProcess.start("the fork", new ProcessBuilder(command).redirectErrorStream(true));
        } catch (IOException e) {
            throw new WorkerException("Cannot start a fork: " + e.getMessage(), e);
        }
        CompletableFuture<Integer> port = new CompletableFuture<>();
        process.keepTail(process.process().getInputStream(), new ChildProcess.Lines() {
            @Override
            public boolean consumed(String line) {
                if (port.isDone() || !line.startsWith(WorkerMain.READY_PREFIX)) {
                    return false;
                }
                try {
                    port.complete(Integer.parseInt(line.substring(WorkerMain.READY_PREFIX.length()).trim()));
                } catch (NumberFormatException e) {
                    port.completeExceptionally(e);
                }
                return true;
            }

            @Override
            public void ended() {
                port.completeExceptionally(new IOException("fork output ended"));
            }
        });
        try {
            int p = port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            ForkedWorker worker = new ForkedWorker(URI.create("http://127.0.0.1:" + p), process, command);
            worker.open("fork of pid " + ProcessHandle.current().pid());
            return worker;
        } catch (ExecutionException | TimeoutException e) {
            process.kill();
            throw new WorkerException("The fork did not start within " + START_TIMEOUT.toSeconds() + " s: "
                    + describe(process));
        } catch (InterruptedException e) {
            process.kill();
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while starting a fork", e);
        }
    }

    private static String describe(ChildProcess process) {
        String state = process.describe("the fork is running but does not answer");
        if (process.tail().stream().anyMatch(l -> l.contains("OutOfMemoryError"))) {
            int at = state.indexOf("; its last output");
            String hint = " (out of memory: give the fork a larger heap with -jvmArgsAppend -Xmx<size>)";
            state = at < 0 ? state + hint : state.substring(0, at) + hint + state.substring(at);
        }
        return state;
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
        return describe(process);
    }

    /** Closes the worker through the API, then makes sure the JVM is gone (stdin EOF, then a kill). */
    @Override
    public void close() {
        if (process.alive()) {
            super.close();
        }
        process.stop(STOP_GRACE);
    }
}
