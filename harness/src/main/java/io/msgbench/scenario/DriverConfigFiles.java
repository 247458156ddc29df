package io.msgbench.scenario;

import java.util.Map;

/**
 * Where {@code -p driverConfig=<name or file>} finds a driver file (OMB's format), so that an annotated
 * benchmark can sweep them (DESIGN §6). The file's settings sit under the benchmark's own parameters.
 */
public interface DriverConfigFiles {
    /** No driver files: {@code driverConfig} is then an unknown parameter. */
    DriverConfigFiles NONE = name -> {
        throw new IllegalArgumentException("driverConfig=" + name + ": no driver files available here");
    };

    /** What a driver file sets. */
    record DriverConfig(String client, short replicationFactor, Map<String, String> common,
                        Map<String, String> producer, Map<String, String> consumer, Map<String, String> topic) {
    }

    /** @throws IllegalArgumentException naming the file and the problem */
    DriverConfig load(String nameOrFile);
}
