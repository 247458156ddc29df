package io.msgbench.runner;

/** A mistake in the user's input: reported as one line without a stack trace, exit code 1. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }

    /** Proves that {@code file} can be written (its folder made if missing) before any work; one line otherwise. */
    static void requireWritable(java.nio.file.Path file, String option) {
        try {
            io.msgbench.report.jmh.AtomicFiles.requireWritable(file, option);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
