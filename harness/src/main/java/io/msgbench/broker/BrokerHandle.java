package io.msgbench.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka cluster a run talks to, whoever provides it. The run records {@link #kind()},
 * {@link #version()} and {@link #settings()} in the result file so that figures can be traced to the broker
 * that produced them.
 */
public interface BrokerHandle extends AutoCloseable {
    /** The {@code bootstrap.servers} value clients use. */
    String bootstrapServers();

    /** {@code "embedded"} for a broker msgbench started, {@code "external"} for one it only connects to. */
    String kind();

    /** The broker's Kafka version as far as it can be known, or {@code "unknown"}. */
    String version();

    /** The broker settings worth recording with results; never null, may be empty. */
    Map<String, String> settings();

    /** The broker's own log, when msgbench owns it (embedded brokers, until closed). */
    Optional<Path> logFile();

    /** Where the broker stores its logs, when it is on this machine (embedded brokers): for disk checks. */
    default Optional<Path> dataDirectory() {
        return Optional.empty();
    }

    /** Releases what msgbench started; an external cluster is left untouched. Idempotent. */
    @Override
    void close();
}
