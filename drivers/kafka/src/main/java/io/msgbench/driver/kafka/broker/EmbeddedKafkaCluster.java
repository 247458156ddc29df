package io.msgbench.driver.kafka.broker;

import io.msgbench.broker.BrokerHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Several embedded brokers on loopback forming one KRaft cluster (each node broker and controller), for
 * replicated topics. All nodes share this machine's cores and disk: the cluster shows what replication
 * does functionally, not what a cluster of that size could carry. Closing it closes every node.
 */
public final class EmbeddedKafkaCluster implements BrokerHandle {
    /** Key in {@link #settings()}: how many brokers. */
    public static final String BROKERS_SETTING = "msgbench.cluster.brokers";
    /** Key in {@link #settings()}: the note that they share one machine. */
    public static final String NOTE_SETTING = "msgbench.cluster.note";
    public static final String SHARED_MACHINE_NOTE = "all brokers share this machine: functional, not a capacity figure";

    private final List<EmbeddedKafkaBroker> nodes;
    private final Duration startDuration;

    EmbeddedKafkaCluster(List<EmbeddedKafkaBroker> nodes, Duration startDuration) {
        this.nodes = List.copyOf(nodes);
        this.startDuration = startDuration;
    }

    public int size() {
        return nodes.size();
    }

    public Duration startDuration() {
        return startDuration;
    }

    @Override
    public String bootstrapServers() {
        return nodes.stream().map(EmbeddedKafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public String version() {
        return nodes.get(0).version();
    }

    /** The first node's settings (the others differ in node id, ports and directory), the size and the note. */
    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new TreeMap<>(nodes.get(0).settings());
        s.put(BROKERS_SETTING, Integer.toString(nodes.size()));
        s.put(NOTE_SETTING, SHARED_MACHINE_NOTE);
        return s;
    }

    @Override
    public Optional<Path> logFile() {
        return nodes.get(0).logFile();
    }

    /** Every node's process id, in node order. */
    public List<Long> pids() {
        return nodes.stream().map(EmbeddedKafkaBroker::pid).toList();
    }

    /** Over JMX, attached to the broker JVMs by process id. */
    @Override
    public Optional<io.msgbench.broker.BrokerMetrics> metrics() {
        return Optional.of(KafkaBrokerMetrics.attach(pids()));
    }

    @Override
    public Optional<Path> dataDirectory() {
        return nodes.get(0).dataDirectory();
    }

    @Override
    public void close() {
        nodes.forEach(EmbeddedKafkaBroker::close);
    }

    @Override
    public String description() {
        return "embedded Kafka " + version() + ", " + nodes.size() + " brokers at " + bootstrapServers();
    }

    @Override
    public Optional<String> note() {
        return Optional.of(SHARED_MACHINE_NOTE);
    }

    @Override
    public String toString() {
        return "embedded Kafka " + version() + " cluster of " + nodes.size() + " at " + bootstrapServers();
    }
}
