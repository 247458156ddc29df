package io.msgbench.broker;

import io.msgbench.driver.MessagingSystem;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A system's server in a container msgbench started for the run ({@code --containers}), through Testcontainers: the
 * container goes when the handle is closed (and Testcontainers' reaper removes it if this JVM dies first).
 */
public final class ContainerServers implements BrokerHandle {
    private static final Duration START_BOUND = Duration.ofMinutes(3);

    private final AutoCloseable container;
    private final String image;
    private final BrokerHandle reached;

    /**
     * @param container what to stop on close
     * @param image     the image it runs
     * @param reached   the servers as the system reached them at the mapped address (its readiness check)
     */
    public ContainerServers(AutoCloseable container, String image, BrokerHandle reached) {
        this.container = container;
        this.image = image;
        this.reached = reached;
    }

    /** @throws BrokerUnavailableException one line when no Docker engine answers, before any image is pulled */
    public static void requireDocker() {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            available = false;
        }
        if (!available) {
            throw new BrokerUnavailableException("No Docker engine answers: --containers starts the servers with "
                    + "Testcontainers, which needs one (DOCKER_HOST, /var/run/docker.sock or "
                    + "~/.testcontainers.properties); run on this machine's servers without it, or give --cluster");
        }
    }

    /** Starts {@code system}'s server from {@code spec} and checks it answers at its mapped address. */
    public static ContainerServers start(MessagingSystem system, ServerContainer spec) {
        requireDocker();
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(spec.image()))
                .withExposedPorts(spec.port()).waitingFor(Wait.forListeningPort());
        if (!spec.command().isEmpty()) {
            c = c.withCommand(spec.command().toArray(String[]::new));
        }
        return start(system, c, g -> spec.address(g.getHost(), g.getMappedPort(spec.port())));
    }

    /**
     * Starts {@code container} (a system's own kind, e.g. Testcontainers' Kafka module, which maps its advertised
     * listener) and checks the system answers at {@code address}; the container goes if anything fails.
     */
    public static <C extends GenericContainer<?>> ContainerServers start(MessagingSystem system, C container,
                                                                        Function<C, String> address) {
        requireDocker();
        String image = container.getDockerImageName();
        try {
            container.withStartupTimeout(START_BOUND).start();
        } catch (RuntimeException e) {
            container.stop();
            throw new BrokerUnavailableException("Could not start " + system.name() + "'s container " + image + ": "
                    + e.getMessage());
        }
        try {
            return new ContainerServers(container::stop, image,
                    system.connect(address.apply(container), Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return reached.bootstrapServers();
    }

    @Override
    public String kind() {
        return "container";
    }

    @Override
    public String version() {
        return reached.version();
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new java.util.TreeMap<>(reached.settings());
        s.put("container.image", image);
        return s;
    }


    @Override
    public String description() {
        return "container " + image + ", " + reached.description().replaceFirst("^external ", "");
    }

    @Override
    public void close() {
        try {
            container.close();
        } catch (Exception e) {
            // the reaper removes it
        }
    }
}
