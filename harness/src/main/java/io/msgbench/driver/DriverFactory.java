package io.msgbench.driver;

import java.util.Set;

/**
 * Registers a driver under a name ({@code client=<name>}), found through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.msgbench.driver.DriverFactory} entry in the driver's jar).
 */
public interface DriverFactory {
    /** The name users select the driver by, e.g. {@code kafka}. */
    String name();

    /** Client library and version, for the result file, e.g. {@code kafka-clients 4.4.0}. */
    String clientVersion();

    /** Names of the producer configuration keys the client knows; unknown names are not producer settings. */
    Set<String> producerConfigNames();

    /** Names of the consumer configuration keys the client knows. */
    Set<String> consumerConfigNames();

    /** A new, uninitialised driver. */
    MessagingDriver create();
}
