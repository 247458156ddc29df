package io.msgbench.testing;

import io.msgbench.runner.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The command line run in this JVM as a user runs it, with its standard output and error captured. */
public final class CommandLineRun {
    private CommandLineRun() {
    }

    /** What a run printed and its exit code. */
    public record Outcome(int exitCode, String out, String err) {
    }

    /** Runs {@code args} with the real environment. */
    public static Outcome run(String... args) {
        return run(System.getenv(), args);
    }

    /** Runs {@code args} with {@code environment} as the environment; one run at a time (System.out is shared). */
    public static synchronized Outcome run(Map<String, String> environment, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(environment, args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
