package io.msgbench.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The servers a run talks to — a Kafka cluster, a RabbitMQ node — whoever provides them. The run records {@link #kind()},
 * {@link #version()} and {@link #settings()} in the result file so that figures can be traced to the broker
 * that produced them.
 */
public interface BrokerHandle extends AutoCloseable {
    /** The address clients use (for Kafka its {@code bootstrap.servers}). */
    String bootstrapServers();

    /** {@code "embedded"} for a broker msgbench started, {@code "external"} for one it only connects to. */
    String kind();

    /** The servers' version as far as it can be known, or {@code "unknown"}. */
    String version();

    /** The broker settings worth recording with results; never null, may be empty. */
    Map<String, String> settings();

    /** The broker's own log, when msgbench owns it (embedded brokers, until closed); none for servers it only reaches. */
    default Optional<Path> logFile() {
        return Optional.empty();
    }

    /** Where the broker stores its logs, when it is on this machine (embedded brokers): for disk checks. */
    default Optional<Path> dataDirectory() {
        return Optional.empty();
    }

    /**
     * The servers' own figures ({@code -prof broker}), where msgbench can read them: a connection the caller closes.
     * Empty where the system or this handle exposes none (the console says so and the run goes on).
     *
     * @throws RuntimeException with one line when the servers should expose them and do not
     */
    default Optional<BrokerMetrics> metrics() {
        return Optional.empty();
    }

    /** What the console says of servers msgbench started, e.g. {@code embedded Kafka 4.4.0 at 127.0.0.1:9092}. */
    default String description() {
        return kind() + " " + version() + " at " + bootstrapServers();
    }

    /** A caveat the console adds after the start time, e.g. that several brokers share this machine. */
    default Optional<String> note() {
        return Optional.empty();
    }

    /** Copies the servers' own log into {@code directory} while they still have one (a scenario failed). */
    default Optional<Path> copyLogTo(Path directory) {
        return Optional.empty();
    }

    /** Releases what msgbench started; an external cluster is left untouched. Idempotent. */
    @Override
    void close();
}
