package io.msgbench.driver;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.ContainerServers;
import io.msgbench.broker.ServerContainer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A messaging system msgbench runs on (DESIGN §9): how its servers are provided for a run — started on this
 * machine, or an existing cluster at an address the user gives. A system is a module under {@code drivers/}; its
 * client drivers ({@link DriverFactory}) name it in {@link DriverFactory#system()}. The engine knows none of them:
 * they are found as services, as the drivers are.
 */
public interface MessagingSystem {
    /** The address every server of this machine listens on unless remote workers must reach it. */
    String LOOPBACK = "127.0.0.1";

    /** Its name, as its drivers give it, e.g. {@code kafka}. */
    String name();

    /**
     * An existing cluster at {@code address} (for Kafka, its {@code bootstrap.servers}), checked to answer within
     * {@code timeout}.
     *
     * @throws io.msgbench.broker.BrokerUnavailableException naming the system and address when it does not answer
     */
    BrokerHandle connect(String address, Duration timeout);

    /**
     * Starts {@code nodes} servers on this machine for a run (several when topics are replicated), reached by
     * clients at {@code listenAddress}; they go when the handle is closed.
     */
    BrokerHandle startEmbedded(int nodes, String listenAddress);

    /**
     * The same, tuned ({@code --broker-heap}, {@code --broker-config}); a system whose servers msgbench does not start
     * or tune refuses any tuning, in one line.
     */
    default BrokerHandle startEmbedded(int nodes, String listenAddress, io.msgbench.broker.ServerTuning tuning) {
        checkTuning(tuning);
        return startEmbedded(nodes, listenAddress);
    }

    /**
     * Checks {@code tuning} before any server starts: a setting the server does not know or a value it refuses is an
     * {@link IllegalArgumentException} of one line.
     */
    default void checkTuning(io.msgbench.broker.ServerTuning tuning) {
        if (!tuning.isEmpty()) {
            throw new IllegalArgumentException("--broker-heap and --broker-config tune the servers msgbench starts; "
                    + name() + " runs on servers msgbench does not tune");
        }
    }

    /**
     * How this system's server runs in a container, for {@code --containers}; empty when msgbench has no image for
     * it.
     */
    default Optional<ServerContainer> container() {
        return Optional.empty();
    }

    /**
     * Starts {@code nodes} servers in containers for a run ({@code --containers}: Testcontainers, where a Docker
     * engine runs), checked to answer; they go when the handle is closed.
     *
     * @throws io.msgbench.broker.BrokerUnavailableException one line: no Docker engine, no image, a failed start
     */
    default BrokerHandle startContainer(int nodes) {
        ServerContainer spec = container().orElseThrow(() -> new io.msgbench.broker.BrokerUnavailableException(
                "msgbench has no container image for " + name()));
        if (nodes > 1) {
            throw new io.msgbench.broker.BrokerUnavailableException("Replication factor " + nodes + " needs a "
                    + name() + " cluster; --containers starts one server");
        }
        return ContainerServers.start(this, spec);
    }

    /**
     * The topic settings of a backlog test whose topics must hold {@code bytesPerPartition} of waiting messages, that
     * is {@code messagesPerPartition} messages, per partition (Kafka: size-based retention must not delete them); a
     * setting the scenario gives wins.
     */
    default Map<String, String> backlogTopicSettings(Map<String, String> topic, double bytesPerPartition,
                                                     double messagesPerPartition) {
        return topic;
    }

    /** The system named {@code name} among those on the class path; one line naming the known ones otherwise. */
    static MessagingSystem named(String name) {
        TreeMap<String, MessagingSystem> found = new TreeMap<>();
        for (MessagingSystem s : ServiceLoader.load(MessagingSystem.class, MessagingSystem.class.getClassLoader())) {
            found.putIfAbsent(s.name(), s);
        }
        MessagingSystem s = found.get(name);
        if (s == null) {
            throw new DriverRegistry.UnknownDriverException("No messaging system '" + name + "' on the class path; "
                    + "known: " + (found.isEmpty() ? "none" : String.join(", ", found.keySet())));
        }
        return s;
    }
}
