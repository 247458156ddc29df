package io.msgbench.driver.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.NamedSettingsDriverFactory;
import io.msgbench.driver.OmbFileKey;
import io.msgbench.driver.SettingCheck;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the HiveMQ driver as {@code client=mqtt} (MQTT 5). Its settings: {@code qos} (0, 1 or 2; default 1, as
 * OMB) and {@code topicPrefix} (default {@code msgbench}) on both sides; for consumers {@code cleanStart} (true),
 * {@code sessionExpiryInterval} (seconds, 0) and {@code receiveMaximum} (65535).
 */
public final class MqttDriverFactory extends NamedSettingsDriverFactory {
    static final String QOS = "qos";
    static final String TOPIC_PREFIX = "topicPrefix";
    static final String CLEAN_START = "cleanStart";
    static final String SESSION_EXPIRY_INTERVAL = "sessionExpiryInterval";
    static final String RECEIVE_MAXIMUM = "receiveMaximum";
    static final Map<String, String> PRODUCER_DEFAULTS = Map.of(QOS, "1", TOPIC_PREFIX, "msgbench");
    static final Map<String, String> CONSUMER_DEFAULTS = Map.of(QOS, "1", TOPIC_PREFIX, "msgbench", CLEAN_START,
            "true", SESSION_EXPIRY_INTERVAL, "0", RECEIVE_MAXIMUM, "65535");

    public MqttDriverFactory() {
        super("mqtt", "io.openmessaging.benchmark.driver.mqtt5.MqttBenchmarkDriver",
                PRODUCER_DEFAULTS, CONSUMER_DEFAULTS, Map.of());
    }

    /**
     * The blocks of OMB's mqtt5.yaml (driver-mqtt5's MqttConfig): {@code client} (serverUri with username and
     * password: the address; qos and topicPrefix: both sides) and {@code consumer} (cleanSession, the session expiry
     * under either of the names OMB uses, receiveMaximum).
     */
    @Override
    public List<OmbFileKey> ombFileKey(String key, JsonNode value, JsonNode file) {
        if (!key.equals("client") && !key.equals("consumer")) {
            return List.of();
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("expected a block of keys");
        }
        List<OmbFileKey> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String text = e.getValue().isNull() ? "" : e.getValue().asText();
            switch (key + "." + e.getKey()) {
                case "client.serverUri" -> keys.add(OmbFileKey.address(address(text, value)));
                case "client.username", "client.password" -> {
                    // part of the address
                }
                case "client.qos" -> {
                    keys.add(OmbFileKey.producer(QOS, text));
                    keys.add(OmbFileKey.consumer(QOS, text));
                }
                case "client.topicPrefix" -> {
                    keys.add(OmbFileKey.producer(TOPIC_PREFIX, text));
                    keys.add(OmbFileKey.consumer(TOPIC_PREFIX, text));
                }
                case "consumer.cleanSession" -> keys.add(OmbFileKey.consumer(CLEAN_START, text));
                // OMB's file says sessionExpiryIntervalSeconds, its driver reads sessionExpiryInterval: both are meant
                case "consumer.sessionExpiryInterval", "consumer.sessionExpiryIntervalSeconds" ->
                        keys.add(OmbFileKey.consumer(SESSION_EXPIRY_INTERVAL, text));
                case "consumer.receiveMaximum" -> keys.add(OmbFileKey.consumer(RECEIVE_MAXIMUM, text));
                default -> keys.add(OmbFileKey.ignored(e.getKey(), "not a key of OMB's MQTT driver"));
            }
        }
        return keys;
    }

    /** {@code tcp://[user:password@]host:port} from OMB's serverUri, username and password. */
    static String address(String serverUri, JsonNode client) {
        MqttAddress a = MqttAddress.parse(serverUri);
        String user = client.path("username").isTextual() ? client.path("username").asText() : "";
        String password = client.path("password").isTextual() ? client.path("password").asText() : "";
        if (user.isEmpty()) {
            return "tcp://" + a.host() + ":" + a.port();
        }
        return "tcp://" + encode(user) + (password.isEmpty() ? "" : ":" + encode(password)) + "@" + a.host() + ":"
                + a.port();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        new SettingCheck(name(), common, producer, Map.of()).oneOf(QOS, Set.of("0", "1", "2"));
        new SettingCheck(name(), common, Map.of(), consumer).oneOf(QOS, Set.of("0", "1", "2")).bool(CLEAN_START)
                .wholeNumber(SESSION_EXPIRY_INTERVAL, 0, 4_294_967_295L).wholeNumber(RECEIVE_MAXIMUM, 1, 65_535);
        String prefix = producer.getOrDefault(TOPIC_PREFIX, consumer.getOrDefault(TOPIC_PREFIX, "msgbench"));
        if (prefix.isEmpty() || prefix.contains("+") || prefix.contains("#") || prefix.startsWith("$")) {
            throw new IllegalArgumentException("mqtt: " + TOPIC_PREFIX + "=" + prefix + ": expected a topic name "
                    + "without wildcards, not starting with $");
        }
        return List.of();
    }

    @Override
    public MessagingDriver create() {
        return new MqttDriver(this);
    }
}
