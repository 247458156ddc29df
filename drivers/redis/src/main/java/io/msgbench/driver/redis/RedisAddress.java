package io.msgbench.driver.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;

/** Where a Redis server answers: {@code redis://[user:password@]host:port}, or {@code host:port}. */
final class RedisAddress {
    private RedisAddress() {
    }

    /** The address as clients of a run are given it: with the scheme. */
    static String normalized(String address) {
        return address.contains("://") ? address : "redis://" + address;
    }

    /** A client for {@code address}; one line saying what is wrong with the address otherwise. */
    static RedisClient client(String address) {
        RedisURI uri;
        try {
            uri = RedisURI.create(normalized(address));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + address + "' is not a Redis address (redis://host:port or "
                    + "host:port): " + e.getMessage());
        }
        uri.setTimeout(Duration.ofSeconds(30));
        RedisClient client = RedisClient.create(uri);
        // a benchmark counts what a broken connection lost; reconnecting and replaying commands would blur it
        client.setOptions(ClientOptions.builder().autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return client;
    }

    /** Releases a client's threads without the quiet period Netty waits by default (2 s). */
    static void shutdown(RedisClient client) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /** The server's version from {@code INFO server}'s {@code redis_version} line. */
    static String version(String info) {
        return info.lines().filter(l -> l.startsWith("redis_version:")).map(l -> l.substring(14).strip()).findFirst()
                .orElse("unknown");
    }

    /** The innermost cause's message: Lettuce wraps a refused connection twice. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
