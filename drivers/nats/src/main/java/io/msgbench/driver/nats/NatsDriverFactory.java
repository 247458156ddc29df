package io.msgbench.driver.nats;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.NamedSettingsDriverFactory;
import io.msgbench.driver.OmbFileKey;
import io.msgbench.driver.SettingCheck;
import io.nats.client.api.StorageType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Registers the jnats driver as {@code client=nats} (JetStream). Its settings: {@code messageIdDedup} (producers:
 * each message carries {@code Nats-Msg-Id}, default false), {@code maxAckPending} (a subscription's unacknowledged
 * messages, default 10000); the streams' ({@code topic.}): {@code storageType} ({@code file} or {@code memory}),
 * {@code maxBytes} (a stream's bound, −1 for none) or else {@code maxBytesPerPartition} (1 GiB per partition by
 * default: the oldest messages go beyond it, and unread ones count as lost).
 */
public final class NatsDriverFactory extends NamedSettingsDriverFactory {
    static final String MESSAGE_ID_DEDUP = "messageIdDedup";
    static final String MAX_ACK_PENDING = "maxAckPending";
    static final String STORAGE_TYPE = "storageType";
    static final String MAX_BYTES = "maxBytes";
    static final String MAX_BYTES_PER_PARTITION = "maxBytesPerPartition";
    static final Map<String, String> PRODUCER_DEFAULTS = Map.of(MESSAGE_ID_DEDUP, "false");
    static final Map<String, String> CONSUMER_DEFAULTS = Map.of(MAX_ACK_PENDING, "10000");
    static final Map<String, String> TOPIC_DEFAULTS = Map.of(STORAGE_TYPE, "file", MAX_BYTES_PER_PARTITION,
            Long.toString(1L << 30));

    public NatsDriverFactory() {
        super("nats", "io.openmessaging.benchmark.driver.nats.NatsBenchmarkDriver",
                PRODUCER_DEFAULTS, CONSUMER_DEFAULTS, TOPIC_DEFAULTS);
    }

    /** The keys of OMB's nats.yaml (driver-nats's NatsConfig). */
    @Override
    public List<OmbFileKey> ombFileKey(String key, JsonNode value, JsonNode file) {
        return switch (key) {
            case "natsHostUrl" -> {
                if (!value.isTextual() || value.asText().isBlank()) {
                    throw new IllegalArgumentException("expected the server's address, nats://host:port");
                }
                yield List.of(OmbFileKey.address(NatsAddress.normalized(value.asText())));
            }
            case "storageType" -> {
                String type = value.asText().toLowerCase(Locale.ROOT);
                if (!Set.of("file", "memory").contains(type)) {
                    throw new IllegalArgumentException(value.asText() + " is not a storage type: File or Memory");
                }
                yield List.of(OmbFileKey.topic(STORAGE_TYPE, type));
            }
            case "maxBytes" -> {
                if (!value.canConvertToLong()) {
                    throw new IllegalArgumentException(value.asText() + " is not a number of bytes (-1 for no bound)");
                }
                yield List.of(OmbFileKey.topic(MAX_BYTES, value.asText()));
            }
            default -> List.of();
        };
    }

    @Override
    public List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        new SettingCheck(name(), common, producer, consumer).bool(MESSAGE_ID_DEDUP)
                .wholeNumber(MAX_ACK_PENDING, 1, Integer.MAX_VALUE);
        return List.of();
    }

    @Override
    protected void checkTopic(Map<String, String> topic) {
        new SettingCheck("nats", topic, Map.of(), Map.of()).oneOf(STORAGE_TYPE, Set.of("file", "memory"))
                .wholeNumber(MAX_BYTES, -1, Long.MAX_VALUE).wholeNumber(MAX_BYTES_PER_PARTITION, 1, Long.MAX_VALUE);
    }

    static StorageType storage(Map<String, String> topic) {
        return topic.get(STORAGE_TYPE).equals("memory") ? StorageType.Memory : StorageType.File;
    }

    /** A stream's bound: {@code maxBytes} when given, else {@code maxBytesPerPartition} for each partition. */
    static long maxBytes(Map<String, String> topic, int partitions) {
        String given = topic.get(MAX_BYTES);
        if (given != null) {
            return Long.parseLong(given);
        }
        long perPartition = Long.parseLong(topic.get(MAX_BYTES_PER_PARTITION));
        return perPartition > Long.MAX_VALUE / partitions ? -1 : perPartition * partitions;
    }

    @Override
    public MessagingDriver create() {
        return new NatsDriver(this);
    }
}
