package io.msgbench.driver.kafka.broker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How to start an {@link EmbeddedKafkaBroker}.
 *
 * @param minHeap          the child JVM's {@code -Xms}, e.g. {@code 512m}
 * @param maxHeap          the child JVM's {@code -Xmx}, e.g. {@code 1g}
 * @param brokerProperties broker settings added to (or replacing) msgbench's defaults, e.g. a larger
 *                         {@code log.retention.bytes} for a backlog test; the listener, quorum, role and
 *                         directory settings are msgbench's and cannot be replaced
 * @param startTimeout     how long start-up may take, from the call to a successful admin round trip
 * @param listenAddress    the IP address clients reach the broker at (its listener and advertised address):
 *                         loopback, unless workers on other hosts need to reach it; its controller stays on loopback
 */
public record EmbeddedBrokerOptions(String minHeap, String maxHeap, Map<String, String> brokerProperties,
                                    Duration startTimeout, String listenAddress) {
    /** The default {@link #listenAddress}: IPv4 loopback, whatever {@code java.net.preferIPv6Addresses} says. */
    public static final String LOOPBACK = io.msgbench.driver.MessagingSystem.LOOPBACK;

    /** Settings that wire the node to its ports and directory; changing them would break start-up. */
    static final Set<String> RESERVED = Set.of(
            "node.id", "broker.id", "process.roles", "listeners", "advertised.listeners",
            "controller.listener.names", "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "listener.security.protocol.map", "inter.broker.listener.name", "log.dirs", "log.dir",
            "metadata.log.dir");

    /** Whether {@code key} is one of the settings msgbench's embedded broker sets itself. */
    public static boolean isReserved(String key) {
        return RESERVED.contains(key);
    }

    private static final String HEAP_SIZE = "\\d+[kKmMgG]?";

    public EmbeddedBrokerOptions(String minHeap, String maxHeap, Map<String, String> brokerProperties,
                                 Duration startTimeout) {
        this(minHeap, maxHeap, brokerProperties, startTimeout, LOOPBACK);
    }

    public EmbeddedBrokerOptions {
        Objects.requireNonNull(minHeap, "minHeap");
        Objects.requireNonNull(maxHeap, "maxHeap");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(listenAddress, "listenAddress");
        if (!listenAddress.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            throw new IllegalArgumentException("The broker's listen address must be an IP address, got '"
                    + listenAddress + "'");
        }
        if (!minHeap.matches(HEAP_SIZE) || !maxHeap.matches(HEAP_SIZE)) {
            throw new IllegalArgumentException("Broker heap sizes must look like 512m or 1g, got '"
                    + minHeap + "' and '" + maxHeap + "'");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Broker start timeout must be positive, got " + startTimeout);
        }
        brokerProperties = Map.copyOf(brokerProperties);
        for (String key : new TreeMap<>(brokerProperties).keySet()) {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("Broker setting '" + key
                        + "' is managed by msgbench's embedded broker and cannot be set");
            }
        }
    }

    /** Heap 512m–1g, no extra broker settings, 60 s to start. */
    public static EmbeddedBrokerOptions defaults() {
        return new EmbeddedBrokerOptions("512m", "1g", Map.of(), Duration.ofSeconds(60));
    }

    public EmbeddedBrokerOptions withHeap(String min, String max) {
        return new EmbeddedBrokerOptions(min, max, brokerProperties, startTimeout, listenAddress);
    }

    /** These options with one more broker setting (replacing an earlier value of the same key). */
    public EmbeddedBrokerOptions withBrokerProperty(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(brokerProperties);
        more.put(key, value);
        return new EmbeddedBrokerOptions(minHeap, maxHeap, more, startTimeout, listenAddress);
    }

    public EmbeddedBrokerOptions withStartTimeout(Duration timeout) {
        return new EmbeddedBrokerOptions(minHeap, maxHeap, brokerProperties, timeout, listenAddress);
    }

    /** These options with clients reaching the broker at {@code address} (an IP address of this host). */
    public EmbeddedBrokerOptions withListenAddress(String address) {
        return new EmbeddedBrokerOptions(minHeap, maxHeap, brokerProperties, startTimeout, address);
    }
}
