package io.msgbench.driver.kafka;

import io.msgbench.driver.kafka.broker.BrokerClientSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The settings msgbench states explicitly instead of inheriting client defaults, because defaults
 * move between Kafka versions and move results with them (Kafka 4 changed linger.ms to 5).
 * Every value here can be overridden by the driver file, the benchmark's parameters or {@code -p}.
 * Timeouts come from {@link BrokerClientSettings}, so a dead broker is an error within 30 s.
 */
final class KafkaClientDefaults {
    private KafkaClientDefaults() {
    }

    /**
     * What every client of Kafka gets, Java or not, so a comparison of clients compares clients and not their
     * defaults (kafka-python and aiokafka default to acks=1 and linger 0, librdkafka to 1 MB batches).
     */
    static Map<String, String> sharedProducer() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "16384");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return p;
    }

    /** What every consumer of Kafka gets, Java or not. */
    static Map<String, String> sharedConsumer() {
        Map<String, String> c = new LinkedHashMap<>();
        // New groups on new topics: start from the beginning so nothing sent before the first fetch is missed.
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        return c;
    }

    static Map<String, String> producer() {
        Map<String, String> p = new LinkedHashMap<>(BrokerClientSettings.producer());
        p.putAll(sharedProducer());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    static Map<String, String> consumer() {
        Map<String, String> c = new LinkedHashMap<>(BrokerClientSettings.consumer());
        c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        c.putAll(sharedConsumer());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return c;
    }
}
