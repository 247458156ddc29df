package io.msgbench.agent;

/** An agent that cannot be started, refuses a command (its one-line reason), or stops answering. */
public final class AgentException extends RuntimeException {
    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
