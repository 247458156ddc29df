package io.msgbench.driver;

import java.util.Arrays;

/**
 * Which partition a message goes to, for systems whose clients have no partitioner of their own (RabbitMQ, NATS,
 * Redis, MQTT): one after another without a key, by the key's hash with one, as Kafka's partitioners do in spirit.
 * One sender thread.
 */
public final class PartitionChooser {
    private final int partitions;
    private int next;

    public PartitionChooser(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        this.partitions = partitions;
    }

    /** The partition of a message with {@code key} ({@code null}: none); stays non-negative past 2^31 sends. */
    public int partition(byte[] key) {
        if (key == null) {
            int p = next;
            next = p + 1 == partitions ? 0 : p + 1;
            return p;
        }
        return Math.floorMod(Arrays.hashCode(key), partitions);
    }
}
