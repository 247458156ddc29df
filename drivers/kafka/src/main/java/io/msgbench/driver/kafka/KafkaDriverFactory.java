package io.msgbench.driver.kafka;

import io.msgbench.driver.DriverContext;
import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.MessagingDriver;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.internals.AppInfoParser;

/** Registers the kafka-clients driver as {@code client=kafka}. */
public final class KafkaDriverFactory implements DriverFactory {
    @Override
    public String name() {
        return "kafka";
    }

    /** OMB's own Kafka driver: its driver files (kafka-*.yaml, with their Kafka properties) run here unchanged. */
    @Override
    public Set<String> ombDriverClasses() {
        return Set.of("io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver");
    }

    @Override
    public String clientVersion() {
        return "kafka-clients " + AppInfoParser.getVersion();
    }

    @Override
    public Set<String> producerConfigNames() {
        return ProducerConfig.configNames();
    }

    @Override
    public Set<String> consumerConfigNames() {
        return ConsumerConfig.configNames();
    }

    /**
     * The settings as the clients will get them, checked by Kafka's own config definitions ({@code ConfigDef}: types,
     * ranges, valid values, and the clients' cross-checks): {@code -p linger.ms=abc} or {@code -p acks=2} is one line
     * before any broker starts, in the client's words.
     */
    @Override
    public List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        Map<String, String> withAddress = new LinkedHashMap<>(common);
        // the address comes later (the cluster); any well-formed one lets the rest be checked now
        withAddress.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        validate("producer", () -> new ProducerConfig(new HashMap<>(DriverContext.clientSettings(
                KafkaClientDefaults.producer(), withAddress, ProducerConfig.configNames(), producer))));
        Map<String, String> consumerWithGroup = new LinkedHashMap<>(consumer);
        // each subscription names its group when its consumers are made
        consumerWithGroup.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "msgbench-settings-check");
        validate("consumer", () -> new ConsumerConfig(new HashMap<>(DriverContext.clientSettings(
                KafkaClientDefaults.consumer(), withAddress, ConsumerConfig.configNames(), consumerWithGroup))));
        return List.of();
    }

    private static void validate(String side, Runnable parse) {
        try {
            parse.run();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("Kafka " + side + " setting refused by kafka-clients: " + e.getMessage());
        }
    }

    @Override
    public MessagingDriver create() {
        return new KafkaDriver();
    }
}
