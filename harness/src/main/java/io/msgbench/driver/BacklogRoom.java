package io.msgbench.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Room for a backlog test's waiting messages in a system's topic settings ({@link MessagingSystem#backlogTopicSettings}):
 * the bound a system keeps per topic or partition raised to what the backlog needs, unless the user set a bound.
 */
public final class BacklogRoom {
    private BacklogRoom() {
    }

    /**
     * {@code topic} with {@code key} set to {@code value}, or unchanged when the user already set {@code key} or one of
     * {@code userBounds} (settings that bound the same thing another way).
     */
    public static Map<String, String> atLeast(Map<String, String> topic, String key, long value, String... userBounds) {
        if (topic.containsKey(key)) {
            return topic;
        }
        for (String bound : userBounds) {
            if (topic.containsKey(bound)) {
                return topic;
            }
        }
        Map<String, String> config = new LinkedHashMap<>(topic);
        config.put(key, Long.toString(value));
        return config;
    }
}
