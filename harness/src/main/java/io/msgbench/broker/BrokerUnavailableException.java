package io.msgbench.broker;

/**
 * A broker could not be started or reached. The message is one line meant for the user (it names the
 * address or the log file to read); the cause, if any, is for debugging only.
 */
public final class BrokerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message) {
        super(message);
    }

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
