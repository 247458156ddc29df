package io.msgbench.driver.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.OmbFileKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers the amqp-client driver as {@code client=rabbitmq}. Its settings: {@code messagePersistence} (producers,
 * default false, as OMB), {@code prefetch} (consumers' unacknowledged messages, 1000) and {@code queueType}
 * ({@code classic} or {@code quorum}).
 */
public final class RabbitMqDriverFactory implements DriverFactory {
    static final String PERSISTENCE = "messagePersistence";
    static final String PREFETCH = "prefetch";
    static final String QUEUE_TYPE = "queueType";
    static final Set<String> PRODUCER_SETTINGS = Set.of(PERSISTENCE);
    static final Set<String> CONSUMER_SETTINGS = Set.of(PREFETCH, QUEUE_TYPE);
    static final Map<String, String> PRODUCER_DEFAULTS = Map.of(PERSISTENCE, "false");
    static final Map<String, String> CONSUMER_DEFAULTS = Map.of(PREFETCH, "1000", QUEUE_TYPE, "classic");

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public String clientVersion() {
        Package p = com.rabbitmq.client.ConnectionFactory.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return "amqp-client " + (v == null ? "unknown" : v);
    }

    @Override
    public Set<String> producerConfigNames() {
        return PRODUCER_SETTINGS;
    }

    @Override
    public Set<String> consumerConfigNames() {
        return CONSUMER_SETTINGS;
    }

    /** OMB's own RabbitMQ driver: its driver file (amqpUris, messagePersistence, queueType, ...) runs here. */
    @Override
    public Set<String> ombDriverClasses() {
        return Set.of("io.openmessaging.benchmark.driver.rabbitmq.RabbitMqBenchmarkDriver");
    }

    /** The keys of OMB's rabbitmq.yaml (driver-rabbitmq's RabbitMqConfig). */
    @Override
    public Optional<OmbFileKey> ombFileKey(String key, JsonNode value) {
        return switch (key) {
            case "amqpUris" -> {
                JsonNode first = value.isArray() ? value.path(0) : value;
                if (!first.isTextual() || first.asText().isBlank()) {
                    throw new IllegalArgumentException("expected a list of amqp:// URIs");
                }
                // OMB spreads topics over the URIs of one cluster: any of them reaches it
                yield Optional.of(OmbFileKey.address(first.asText()));
            }
            case "messagePersistence" -> Optional.of(OmbFileKey.producer(PERSISTENCE, value.asText()));
            case "queueType" -> {
                String type = value.asText().toLowerCase(java.util.Locale.ROOT);
                if (!Set.of("classic", "quorum").contains(type)) {
                    throw new IllegalArgumentException(value.asText() + " is not supported: CLASSIC or QUORUM "
                            + "(streams speak another protocol)");
                }
                yield Optional.of(OmbFileKey.consumer(QUEUE_TYPE, type));
            }
            case "producerCreationDelay", "producerCreationBatchSize", "consumerCreationDelay",
                 "consumerCreationBatchSize" -> Optional.of(OmbFileKey.ignored("msgbench creates clients one after "
                    + "another and waits for each"));
            default -> Optional.empty();
        };
    }

    /** Values the driver cannot use are one line before any server work. */
    @Override
    public List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        Map<String, String> all = new java.util.HashMap<>(common);
        all.putAll(producer);
        all.putAll(consumer);
        String persistence = all.get(PERSISTENCE);
        if (persistence != null && !persistence.equals("true") && !persistence.equals("false")) {
            throw new IllegalArgumentException("rabbitmq: " + PERSISTENCE + "=" + persistence + ": expected true or false");
        }
        String prefetch = all.get(PREFETCH);
        if (prefetch != null && !prefetch.matches("[1-9][0-9]{0,4}")) {
            throw new IllegalArgumentException("rabbitmq: " + PREFETCH + "=" + prefetch + ": expected a whole number "
                    + "from 1 to 65535");
        }
        String queueType = all.get(QUEUE_TYPE);
        if (queueType != null && !Set.of("classic", "quorum").contains(queueType)) {
            throw new IllegalArgumentException("rabbitmq: " + QUEUE_TYPE + "=" + queueType + ": expected classic or "
                    + "quorum");
        }
        return List.of();
    }

    @Override
    public MessagingDriver create() {
        return new RabbitMqDriver();
    }
}
