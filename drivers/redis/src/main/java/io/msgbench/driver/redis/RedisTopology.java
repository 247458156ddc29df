package io.msgbench.driver.redis;

import java.nio.charset.StandardCharsets;

/**
 * How msgbench's topics map onto Redis Streams: a partition is a stream of its own, key {@code <topic>:<partition>};
 * a subscription is a consumer group of the same name on each of them (its consumers share the entries); the
 * topic's partition count is the string at {@code <topic>:partitions}, so a worker that did not create the topic
 * finds it. OMB's driver puts a whole topic in one stream and reads it through a String API, which corrupts binary
 * payloads; here every key, field and payload is bytes.
 */
final class RedisTopology {
    /** The one field of an entry: its payload. */
    static final byte[] FIELD = {'d'};

    private RedisTopology() {
    }

    static byte[][] streams(String topic, int partitions) {
        byte[][] keys = new byte[partitions][];
        for (int p = 0; p < partitions; p++) {
            keys[p] = (topic + ":" + p).getBytes(StandardCharsets.UTF_8);
        }
        return keys;
    }

    static String partitionsKey(String topic) {
        return topic + ":partitions";
    }

    /** The partition a stream key ends in ({@code <topic>:<p>}), −1 for a key of another shape; no allocation. */
    static int partition(byte[] key) {
        int p = 0;
        int i = key.length - 1;
        int scale = 1;
        while (i >= 0 && key[i] >= '0' && key[i] <= '9') {
            p += (key[i] - '0') * scale;
            scale *= 10;
            i--;
        }
        return i >= 0 && i < key.length - 1 && key[i] == ':' ? p : -1;
    }
}
