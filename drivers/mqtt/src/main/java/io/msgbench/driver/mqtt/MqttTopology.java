package io.msgbench.driver.mqtt;

/**
 * How msgbench's topics map onto MQTT: a partition is a topic of its own, {@code <prefix>/<topic>/<partition>}; a
 * subscription is a shared subscription {@code $share/<subscription>/<prefix>/<topic>/+}, so each of its consumers
 * gets its share and every subscription gets every message (OMB's MQTT driver shares the same way, without
 * partitions). MQTT keeps no topics: a topic exists while someone subscribes.
 */
final class MqttTopology {
    private MqttTopology() {
    }

    static String[] topics(String prefix, String topic, int partitions) {
        String[] topics = new String[partitions];
        for (int p = 0; p < partitions; p++) {
            topics[p] = prefix + "/" + topic + "/" + p;
        }
        return topics;
    }

    static String sharedFilter(String prefix, String topic, String subscription) {
        return "$share/" + subscription + "/" + prefix + "/" + topic + "/+";
    }

    /** The partition a topic name ends in ({@code .../<p>}), −1 for a name of another shape. */
    static int partition(String topic) {
        int slash = topic.lastIndexOf('/');
        if (slash < 0 || slash == topic.length() - 1) {
            return -1;
        }
        int p = 0;
        for (int i = slash + 1; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            p = p * 10 + (c - '0');
        }
        return p;
    }
}
