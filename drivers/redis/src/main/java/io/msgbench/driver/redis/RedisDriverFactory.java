package io.msgbench.driver.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.NamedSettingsDriverFactory;
import io.msgbench.driver.OmbFileKey;
import io.msgbench.driver.SettingCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the Lettuce driver as {@code client=redis} (Redis Streams). Its settings: {@code pipelining} (producers:
 * XADDs in flight together on a producer's connection, default true; false waits for each reply, as OMB's driver),
 * {@code readCount} (entries per XREADGROUP, default 500); the streams' ({@code topic.}) {@code maxLength}, the
 * entries a partition stream keeps (XADD MAXLEN ~, default 100,000; older ones go, and unread ones count as lost).
 */
public final class RedisDriverFactory extends NamedSettingsDriverFactory {
    static final String PIPELINING = "pipelining";
    static final String READ_COUNT = "readCount";
    static final String MAX_LENGTH = "maxLength";
    static final long DEFAULT_MAX_LENGTH = 100_000;
    static final Map<String, String> PRODUCER_DEFAULTS = Map.of(PIPELINING, "true");
    static final Map<String, String> CONSUMER_DEFAULTS = Map.of(READ_COUNT, "500");
    static final Map<String, String> TOPIC_DEFAULTS = Map.of(MAX_LENGTH, Long.toString(DEFAULT_MAX_LENGTH));

    public RedisDriverFactory() {
        super("redis", "io.openmessaging.benchmark.driver.redis.RedisBenchmarkDriver",
                PRODUCER_DEFAULTS, CONSUMER_DEFAULTS, TOPIC_DEFAULTS);
    }

    /**
     * The keys of OMB's redis.yaml (driver-redis's RedisClientConfig): host, port, user and password make one
     * address, which each of them gives; Jedis's pool sizes mean nothing to Lettuce.
     */
    @Override
    public List<OmbFileKey> ombFileKey(String key, JsonNode value, JsonNode file) {
        return switch (key) {
            case "redisHost", "redisPort", "redisUser", "redisPass" -> List.of(OmbFileKey.address(address(file)));
            case "jedisPoolMaxTotal", "jedisPoolMaxIdle" -> List.of(OmbFileKey.ignored("Lettuce needs no pool: a "
                    + "connection per producer and per consumer"));
            default -> List.of();
        };
    }

    /** {@code redis://[user:password@]host:port} from OMB's keys (port 6379 when not given). */
    static String address(JsonNode file) {
        String host = file.path("redisHost").asText("");
        if (host.isBlank()) {
            throw new IllegalArgumentException("redisHost is missing: the Redis server's host");
        }
        JsonNode port = file.path("redisPort");
        if (!port.isMissingNode() && !port.canConvertToInt()) {
            throw new IllegalArgumentException(port.asText() + " is not a port number");
        }
        String user = file.path("redisUser").asText("");
        String pass = file.path("redisPass").asText("");
        String credentials = pass.isEmpty() ? "" : encode(user) + ":" + encode(pass) + "@";
        return "redis://" + credentials + host + ":" + (port.isMissingNode() ? 6379 : port.asInt());
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        new SettingCheck(name(), common, producer, consumer).bool(PIPELINING).wholeNumber(READ_COUNT, 1, 1_000_000);
        return List.of();
    }

    @Override
    protected void checkTopic(Map<String, String> topic) {
        new SettingCheck("redis", topic, Map.of(), Map.of()).wholeNumber(MAX_LENGTH, 1, Long.MAX_VALUE);
    }

    @Override
    public MessagingDriver create() {
        return new RedisDriver(this);
    }
}
