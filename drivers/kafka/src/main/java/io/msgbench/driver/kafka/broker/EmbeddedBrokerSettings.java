package io.msgbench.driver.kafka.broker;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code server.properties} of the embedded single-node KRaft broker (DESIGN §3): tuned for a small
 * machine, and with size-bounded retention because an unthrottled producer fills a disk in minutes.
 */
final class EmbeddedBrokerSettings {
    /** Defaults the user may override through {@link EmbeddedBrokerOptions#brokerProperties()}. */
    private static final Map<String, String> TUNING = Map.ofEntries(
            Map.entry("num.network.threads", "2"),
            Map.entry("num.io.threads", "2"),
            Map.entry("offsets.topic.num.partitions", "4"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.num.partitions", "4"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.num.partitions", "4"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("delete.topic.enable", "true"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("log.retention.bytes", Long.toString(1L << 30)),
            Map.entry("log.segment.bytes", Long.toString(128L << 20)),
            Map.entry("log.retention.check.interval.ms", "5000"),
            // Only __consumer_offsets is compacted; the 128 MiB default buffer would take an eighth of the heap.
            Map.entry("log.cleaner.dedupe.buffer.size", Long.toString(32L << 20)));

    private EmbeddedBrokerSettings() {
    }

    /** Every broker setting of a single node for one start attempt, sorted by key. */
    static Map<String, String> of(int port, int controllerPort, Path logDir, Map<String, String> overrides) {
        return of(1, EmbeddedBrokerOptions.LOOPBACK, port, controllerPort, "1@127.0.0.1:" + controllerPort, logDir,
                overrides);
    }

    /**
     * The settings of node {@code nodeId} of a cluster whose every node is broker and controller;
     * {@code voters} lists all of them ({@code id@host:controllerPort,...}). Clients reach it at
     * {@code host:port}; the controller listens on loopback.
     */
    static Map<String, String> of(int nodeId, String host, int port, int controllerPort, String voters, Path logDir,
                                  Map<String, String> overrides) {
        Map<String, String> all = new TreeMap<>(TUNING);
        all.putAll(overrides);
        all.put("process.roles", "broker,controller");
        all.put("node.id", Integer.toString(nodeId));
        all.put("controller.quorum.voters", voters);
        all.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        all.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        all.put("controller.listener.names", "CONTROLLER");
        all.put("inter.broker.listener.name", "PLAINTEXT");
        all.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        all.put("log.dirs", logDir.toAbsolutePath().toString());
        return Collections.unmodifiableMap(all);
    }

    /** Writes them as a properties file (Kafka reads it with {@link Properties#load}). */
    static void write(Map<String, String> settings, Path file) {
        Properties props = new Properties();
        props.putAll(settings);
        StringWriter text = new StringWriter();
        try {
            props.store(text, "msgbench embedded broker");
            Files.writeString(file, text.toString(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
