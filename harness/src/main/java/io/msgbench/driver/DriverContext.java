package io.msgbench.driver;

import io.msgbench.metrics.EpochNanoClock;
import java.util.Map;
import java.util.Set;

/**
 * What a driver is initialised with.
 *
 * @param bootstrapServers where the cluster answers
 * @param common           properties for every client (producer, consumer and admin)
 * @param producer         producer properties (win over {@code common})
 * @param consumer         consumer properties (win over {@code common})
 * @param topic            topic configuration for created topics
 * @param replicationFactor replication factor of created topics
 * @param clock            the clock poll threads read receive times from, once per poll
 * @param profileClients   the clients' own metrics will be read ({@code -prof client}): a client whose averages span
 *                         long windows shortens them to a second
 */
public record DriverContext(String bootstrapServers, Map<String, String> common, Map<String, String> producer,
                            Map<String, String> consumer, Map<String, String> topic, short replicationFactor,
                            EpochNanoClock clock, boolean profileClients) {
    public DriverContext(String bootstrapServers, Map<String, String> common, Map<String, String> producer,
                         Map<String, String> consumer, Map<String, String> topic, short replicationFactor,
                         EpochNanoClock clock) {
        this(bootstrapServers, common, producer, consumer, topic, replicationFactor, clock, false);
    }

    /**
     * A client's settings: its {@code defaults}, then the common block's entries that it knows (so a client
     * does not warn about settings meant for the other side), then its side's own, passed through unchanged;
     * later ones win.
     */
    public static Map<String, String> clientSettings(Map<String, String> defaults, Map<String, String> common,
                                                     Set<String> known, Map<String, String> side) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(defaults);
        common.forEach((k, v) -> {
            if (known.contains(k)) {
                merged.put(k, v);
            }
        });
        merged.putAll(side);
        return merged;
    }

    public DriverContext {
        common = Map.copyOf(common);
        producer = Map.copyOf(producer);
        consumer = Map.copyOf(consumer);
        topic = Map.copyOf(topic);
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, was " + replicationFactor);
        }
    }
}
