package io.msgbench.runner;

/** A mistake in the user's input: reported as one line without a stack trace, exit code 1. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
