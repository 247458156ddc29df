package io.msgbench.broker;

import java.util.List;

/**
 * How a system's server runs in a container (Testcontainers, where a Docker engine runs): its image, the port its
 * clients use, the command line, and the address clients are given once the port is mapped.
 *
 * @param image         the image, e.g. {@code nats:2.10}
 * @param port          the port clients connect to inside the container
 * @param command       the container's command, or empty for the image's own
 * @param addressFormat the clients' address with the mapped host and port, e.g. {@code nats://%s:%d}
 */
public record ServerContainer(String image, int port, List<String> command, String addressFormat) {
    public ServerContainer {
        command = List.copyOf(command);
    }

    public String address(String host, int mappedPort) {
        return String.format(java.util.Locale.ROOT, addressFormat, host, mappedPort);
    }
}
