package io.msgbench.driver;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers a driver under a name ({@code client=<name>}), found through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.msgbench.driver.DriverFactory} entry in the driver's jar).
 */
public interface DriverFactory {
    /** The name users select the driver by, e.g. {@code kafka}. */
    String name();

    /** The {@link MessagingSystem} the client talks to, e.g. {@code kafka} for every Kafka client. */
    default String system() {
        return name();
    }

    /** The {@code driverClass} names of OMB driver files this driver runs (OMB's Java driver it stands in for). */
    default Set<String> ombDriverClasses() {
        return Set.of();
    }

    /**
     * What a top-level key of this driver's own OMB files beyond OMB's common ones ({@code name}, {@code driverClass},
     * {@code replicationFactor}, {@code reset}, the property blocks) means: one entry for a scalar key, several for a
     * nested block (OMB's MQTT file has {@code client:} with the server's address and settings); empty when it is
     * not one of its keys.
     *
     * @param value the key's value as YAML gave it (a scalar, a list or a map)
     * @param file  the whole file, for a key that is one part of a whole (OMB's Redis file gives the address in
     *              {@code redisHost}, {@code redisPort}, {@code redisUser} and {@code redisPass})
     * @throws IllegalArgumentException with one line saying what is wrong with the value
     */
    default List<OmbFileKey> ombFileKey(String key, com.fasterxml.jackson.databind.JsonNode value,
                                        com.fasterxml.jackson.databind.JsonNode file) {
        return List.of();
    }

    /** Client library and version, for the result file, e.g. {@code kafka-clients 4.4.0}. */
    String clientVersion();

    /** Names of the producer configuration keys the client knows; unknown names are not producer settings. */
    Set<String> producerConfigNames();

    /** Names of the consumer configuration keys the client knows. */
    Set<String> consumerConfigNames();

    /**
     * Settings of the driver itself rather than of its clients (e.g. {@code python}, the interpreter an agent
     * runs in): given as parameters, they reach the driver in the common block; other drivers ignore them.
     */
    default Set<String> driverSettingNames() {
        return Set.of();
    }

    /**
     * Checks, before any broker work, that these settings can be honoured on this machine (a client that needs
     * an interpreter or a package that is not there, a setting the client refuses).
     *
     * @return warnings to print (a slow fallback the client will use)
     * @throws RuntimeException with one line naming the client and the problem
     */
    default List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        return List.of();
    }

    /**
     * Checks, before any broker work, the settings of the topics a run creates ({@code topic.} parameters, a driver
     * file's {@code topicConfig} or its topic keys) where the driver reads them itself; Kafka's go to the broker.
     *
     * @throws RuntimeException with one line naming the client, the setting and what it expects
     */
    default void checkTopicSettings(Map<String, String> topic) {
    }

    /** A new, uninitialised driver. */
    MessagingDriver create();
}
