package io.msgbench.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A process this JVM started and owns — a fork, a Python agent, a broker — with the one way msgbench launches,
 * explains and stops them: its last lines of output kept to say why it died, its stdin as its lifeline (closed, the
 * child exits: a child of a JVM that dies does not outlive it), and a stop that is bounded.
 */
public final class ChildProcess {
    private static final int TAIL_LINES = 20;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** What reads a child's output: sees each line, and says whether it was a message to the parent, not output. */
    public interface Lines {
        /** @return true when the line is for the parent (e.g. "ready on port N"), false to keep it in the tail */
        boolean consumed(String line);

        /** The output ended: the child closed it or is gone. */
        default void ended() {
        }
    }

    /**
     * Starts {@code command}; {@code name} says what it is in messages ("the fork").
     *
     * @throws IOException when it cannot be started (no such program, no permission)
     */
    public static ChildProcess start(String name, ProcessBuilder command) throws IOException {
        return new ChildProcess(name, command.start());
    }

    /** {@code java [jvmArgs] -cp <this JVM's class path, absolute> main [args]}, with this JVM's java. */
    public static List<String> javaCommand(List<String> jvmArgs, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        // absolute, so that the child's working directory does not matter
        command.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> new File(e).getAbsolutePath())
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /** Reads {@code output} (the child's stdout or stderr) on a daemon thread, keeping its last lines. */
    public ChildProcess keepTail(InputStream output, Lines lines) {
        Thread reader = new Thread(() -> read(output, lines), "msgbench-" + name.replace("the ", "") + "-output-"
                + process.pid());
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    /** {@link #keepTail(InputStream, Lines)} of every line. */
    public ChildProcess keepTail(InputStream output) {
        return keepTail(output, line -> false);
    }

    private void read(InputStream output, Lines lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!lines.consumed(line)) {
                    synchronized (tail) {
                        if (tail.size() == TAIL_LINES) {
                            tail.removeFirst();
                        }
                        tail.addLast(line);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the child is gone; its exit code tells the rest
        }
        lines.ended();
    }

    /** The last lines of output kept. */
    public List<String> tail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /**
     * Its state for an error message: "the fork exited with code 1", or {@code running} ("the fork is running but
     * does not answer") if it has not ended within a moment; then its last output.
     */
    public String describe(String running) {
        String state;
        try {
            state = process.waitFor(1, TimeUnit.SECONDS) ? name + " exited with code " + process.exitValue() : running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = name + "'s state is unknown";
        }
        List<String> last = tail();
        return last.isEmpty() ? state : state + "; its last output: " + String.join(" | ", last);
    }

    /**
     * Ends its stdin (its signal to stop), waits up to {@code grace}, then kills it and waits for that (5 s at
     * most). Returns whether it stopped within the grace. Keeps the caller's interrupt.
     */
    public boolean stop(Duration grace) {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the child has closed it, or is gone
        }
        boolean interrupted = false;
        boolean stopped = false;
        try {
            stopped = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (!stopped) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return stopped;
    }

    /** Kills it at once (a start that failed). */
    public void kill() {
        process.destroyForcibly();
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }
}
