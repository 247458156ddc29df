package io.msgbench.driver.rabbitmq;

import io.msgbench.broker.BrokerHandle;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The RabbitMQ node a run talks to: one msgbench did not start (the machine's own, or the user's), so closing it
 * leaves it running.
 *
 * @param kind {@code local} for this machine's node, {@code external} for one the user named
 */
record RabbitMqServers(String kind, String bootstrapServers, String version) implements BrokerHandle {
    @Override
    public Map<String, String> settings() {
        return Map.of("rabbitmq.version", version);
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.empty();
    }

    @Override
    public String description() {
        return kind + " RabbitMQ " + version + " at " + bootstrapServers;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
