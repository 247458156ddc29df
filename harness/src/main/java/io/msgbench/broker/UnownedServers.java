package io.msgbench.broker;

import java.util.Map;

/**
 * Servers a run talks to that msgbench did not start — this machine's own RabbitMQ, NATS, Redis or Mosquitto, or
 * the user's cluster — so closing the handle leaves them running.
 *
 * @param system           the system's name as drivers give it, e.g. {@code nats} (the settings' key prefix)
 * @param label            the system as people write it, e.g. {@code NATS}
 * @param kind             {@code local} for this machine's server, {@code external} for one the user named
 * @param bootstrapServers the address clients are given
 * @param version          the server's version as it announced it
 */
public record UnownedServers(String system, String label, String kind, String bootstrapServers, String version)
        implements BrokerHandle {

    @Override
    public Map<String, String> settings() {
        return Map.of(system + ".version", version);
    }


    @Override
    public String description() {
        return kind + " " + label + " " + version + " at " + bootstrapServers;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
