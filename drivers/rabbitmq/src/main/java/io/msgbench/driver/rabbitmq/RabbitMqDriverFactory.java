package io.msgbench.driver.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.NamedSettingsDriverFactory;
import io.msgbench.driver.OmbFileKey;
import io.msgbench.driver.SettingCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the amqp-client driver as {@code client=rabbitmq}. Its settings: {@code messagePersistence} (producers,
 * default false, as OMB), {@code prefetch} (consumers' unacknowledged messages, 1000) and {@code queueType}
 * ({@code classic} or {@code quorum}).
 */
public final class RabbitMqDriverFactory extends NamedSettingsDriverFactory {
    static final String PERSISTENCE = "messagePersistence";
    static final String PREFETCH = "prefetch";
    static final String QUEUE_TYPE = "queueType";
    static final Map<String, String> PRODUCER_DEFAULTS = Map.of(PERSISTENCE, "false");
    static final Map<String, String> CONSUMER_DEFAULTS = Map.of(PREFETCH, "1000", QUEUE_TYPE, "classic");

    public RabbitMqDriverFactory() {
        super("rabbitmq", "io.openmessaging.benchmark.driver.rabbitmq.RabbitMqBenchmarkDriver",
                PRODUCER_DEFAULTS, CONSUMER_DEFAULTS, Map.of());
    }

    /** The keys of OMB's rabbitmq.yaml (driver-rabbitmq's RabbitMqConfig). */
    @Override
    public List<OmbFileKey> ombFileKey(String key, JsonNode value, JsonNode file) {
        return switch (key) {
            case "amqpUris" -> {
                JsonNode first = value.isArray() ? value.path(0) : value;
                if (!first.isTextual() || first.asText().isBlank()) {
                    throw new IllegalArgumentException("expected a list of amqp:// URIs");
                }
                // OMB spreads topics over the URIs of one cluster: any of them reaches it
                yield List.of(OmbFileKey.address(first.asText()));
            }
            case "messagePersistence" -> List.of(OmbFileKey.producer(PERSISTENCE, value.asText()));
            case "queueType" -> {
                String type = value.asText().toLowerCase(java.util.Locale.ROOT);
                if (!Set.of("classic", "quorum").contains(type)) {
                    throw new IllegalArgumentException(value.asText() + " is not supported: CLASSIC or QUORUM "
                            + "(streams speak another protocol)");
                }
                yield List.of(OmbFileKey.consumer(QUEUE_TYPE, type));
            }
            case "producerCreationDelay", "producerCreationBatchSize", "consumerCreationDelay",
                 "consumerCreationBatchSize" -> List.of(OmbFileKey.ignored("msgbench creates clients one after "
                    + "another and waits for each"));
            default -> List.of();
        };
    }

    /** Values the driver cannot use are one line before any server work. */
    @Override
    public List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        new SettingCheck(name(), common, producer, consumer).bool(PERSISTENCE).wholeNumber(PREFETCH, 1, 65535)
                .oneOf(QUEUE_TYPE, Set.of("classic", "quorum"));
        return List.of();
    }

    @Override
    public MessagingDriver create() {
        return new RabbitMqDriver(this);
    }
}
