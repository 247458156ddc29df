package io.msgbench.api;

/** How messages are keyed, with OpenMessaging Benchmark's names and meanings. */
public enum KeyDistributor {
    /** No key: the client spreads messages over partitions itself (Kafka: the sticky partitioner). */
    NO_KEY,
    /** Keys cycle over 10,000 fixed random 7-character keys, so messages spread over partitions by key. */
    KEY_ROUND_ROBIN,
    /** Key number {@code System.nanoTime() % 10,000} of the same 10,000 keys. */
    RANDOM_NANO
}
