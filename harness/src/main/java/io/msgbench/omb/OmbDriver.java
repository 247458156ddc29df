package io.msgbench.omb;

import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.OmbFileKey;
import io.msgbench.driver.DriverRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An OMB driver file (reference/omb.md): which client, the replication factor, and the Java-properties
 * blocks for topics, every client, producers and consumers. Properties are passed through as written;
 * a property the client does not know gets one warning line (a typo would otherwise pass unnoticed).
 *
 * @param name   OMB's driver name (e.g. "Kafka"), the {@code driver} parameter of the results
 * @param client the msgbench driver it maps to (the driver that declares its {@code driverClass}, e.g. {@code kafka})
 */
public record OmbDriver(Path file, String baseName, String name, String client, short replicationFactor,
                        Map<String, String> topicConfig, Map<String, String> commonConfig,
                        Map<String, String> producerConfig, Map<String, String> consumerConfig) {
    static final Set<String> KEYS = Set.of("name", "driverClass", "replicationFactor", "topicConfig", "commonConfig",
            "producerConfig", "consumerConfig", "reset");
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

    public OmbDriver {
        topicConfig = Map.copyOf(topicConfig);
        commonConfig = Map.copyOf(commonConfig);
        producerConfig = Map.copyOf(producerConfig);
        consumerConfig = Map.copyOf(consumerConfig);
    }

    /**
     * @param warnings receives one line per unknown key or property
     * @throws OmbFileException naming the file, line and key of the first unusable value
     */
    public static OmbDriver read(Path file, DriverRegistry drivers, Consumer<String> warnings) {
        YamlFile y = YamlFile.read(file);
        String driverClass = y.text("driverClass", null);
        if (driverClass == null) {
            throw new OmbFileException(file + ": driverClass is missing; known: " + known(drivers));
        }
        // OMB's driver class, as a driver module declares it, or a msgbench driver's own name
        String client = drivers.forOmbDriverClass(driverClass).orElse(drivers.contains(driverClass) ? driverClass : null);
        if (client == null || !drivers.contains(client)) {
            throw y.error("driverClass", "no msgbench driver for " + driverClass + "; known: " + known(drivers));
        }
        long replication = y.integer("replicationFactor", 1);
        if (replication < 1 || replication > Short.MAX_VALUE) {
            throw y.error("replicationFactor", "must be at least 1, was " + replication);
        }
        DriverFactory factory = drivers.get(client);
        Map<String, String> common = properties(y, "commonConfig");
        Map<String, String> producer = properties(y, "producerConfig");
        Map<String, String> consumer = properties(y, "consumerConfig");
        String address = null;
        Map<String, String> topic = new java.util.LinkedHashMap<>(properties(y, "topicConfig"));
        com.fasterxml.jackson.databind.JsonNode tree = y.tree();
        // The system's own keys (OMB's RabbitMQ file: amqpUris, queueType, ...) become settings; the rest warn.
        for (Map.Entry<String, YamlFile.Entry> e : y.entries().entrySet()) {
            if (KEYS.contains(e.getKey())) {
                continue;
            }
            List<OmbFileKey> known;
            try {
                known = factory.ombFileKey(e.getKey(), e.getValue().value(), tree);
            } catch (IllegalArgumentException bad) {
                throw y.error(e.getKey(), bad.getMessage());
            }
            if (known.isEmpty()) {
                warnings.accept(file + ":" + e.getValue().line() + ": unknown driver key '" + e.getKey() + "' ignored");
                continue;
            }
            for (OmbFileKey k : known) {
                switch (k.side()) {
                    case COMMON -> common.put(k.name(), k.value());
                    case PRODUCER -> producer.put(k.name(), k.value());
                    case CONSUMER -> consumer.put(k.name(), k.value());
                    case TOPIC -> topic.put(k.name(), k.value());
                    case ADDRESS -> address = k.value();
                    case IGNORED -> warnings.accept(file + ":" + e.getValue().line() + ": " + e.getKey()
                            + (k.name().isEmpty() ? "" : "." + k.name()) + " ignored: " + k.value());
                    default -> throw new IllegalStateException(k.side().name());
                }
            }
        }
        warnUnknown(file, y, "commonConfig", common, factory, true, true, warnings);
        warnUnknown(file, y, "producerConfig", producer, factory, true, false, warnings);
        warnUnknown(file, y, "consumerConfig", consumer, factory, false, true, warnings);
        if (address != null) {
            common.putIfAbsent(BOOTSTRAP_SERVERS, address); // the run's cluster, as Kafka's files name it
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new OmbDriver(file, base, y.text("name", base), client, (short) replication,
                topic, common, producer, consumer);
    }

    /** The servers the file names (Kafka's bootstrap.servers, or a system's own key such as amqpUris), or null. */
    public String bootstrapServers() {
        return commonConfig.get(BOOTSTRAP_SERVERS);
    }

    private static String known(DriverRegistry drivers) {
        return drivers.ombDriverClasses() + " (or a msgbench driver name, e.g. kafka)";
    }

    private static Map<String, String> properties(YamlFile y, String key) {
        String text = y.text(key, "");
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw y.error(key, "not Java properties text: " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(name -> out.put(name, p.getProperty(name).trim()));
        return out;
    }

    private static void warnUnknown(Path file, YamlFile y, String block, Map<String, String> props, DriverFactory f,
                                    boolean producer, boolean consumer, Consumer<String> warnings) {
        for (String name : props.keySet()) {
            boolean known = (producer && f.producerConfigNames().contains(name))
                    || (consumer && f.consumerConfigNames().contains(name));
            if (!known) {
                warnings.accept(file + ":" + y.entries().get(block).line() + ": " + block + ": '" + name
                        + "' is not a " + (producer && consumer ? "client" : producer ? "producer" : "consumer")
                        + " setting of " + f.name() + " " + f.clientVersion() + "; passed through as written");
            }
        }
    }
}
