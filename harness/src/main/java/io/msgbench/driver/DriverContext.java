package io.msgbench.driver;

import io.msgbench.metrics.EpochNanoClock;
import java.util.Map;

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
 */
public record DriverContext(String bootstrapServers, Map<String, String> common, Map<String, String> producer,
                            Map<String, String> consumer, Map<String, String> topic, short replicationFactor,
                            EpochNanoClock clock) {
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
