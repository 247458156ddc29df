package io.msgbench.driver.kafka;

import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.MessagingDriver;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
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

    @Override
    public MessagingDriver create() {
        return new KafkaDriver();
    }
}
