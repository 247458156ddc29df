package io.msgbench.driver.kafka.broker;

import java.time.Duration;
import java.util.Map;

/**
 * Client timeouts that make a dead or unreachable broker show up as an error within {@link #ERROR_BOUND}
 * instead of Kafka's defaults (a producer may block 60 s and retry a record for 120 s; an admin client
 * retries an unreachable bootstrap address until {@code default.api.timeout.ms}, 60 s).
 *
 * <p>One map per client role, because Kafka warns about every key a client does not know. Drivers merge
 * these under the user's settings (a user setting wins). Note Kafka's own rule for producers:
 * {@code delivery.timeout.ms >= linger.ms + request.timeout.ms}; a user raising {@code linger.ms} above
 * 10 s must raise {@code delivery.timeout.ms} too.
 */
public final class BrokerClientSettings {
    /** The longest a client created with these settings takes to report an unreachable broker. */
    public static final Duration ERROR_BOUND = Duration.ofSeconds(30);

    private static final String REQUEST_TIMEOUT = "20000";
    private static final String BOUND = Long.toString(ERROR_BOUND.toMillis());

    private BrokerClientSettings() {
    }

    /** Producer timeouts: a send fails (callback or {@code send()} itself) within 30 s. */
    public static Map<String, String> producer() {
        return Map.of(
                "request.timeout.ms", REQUEST_TIMEOUT,
                "delivery.timeout.ms", BOUND,
                "max.block.ms", BOUND,
                "socket.connection.setup.timeout.ms", "10000",
                "socket.connection.setup.timeout.max.ms", BOUND);
    }

    /** Consumer timeouts: blocking calls such as {@code commitSync} or {@code position} fail within 30 s. */
    public static Map<String, String> consumer() {
        return Map.of(
                "request.timeout.ms", REQUEST_TIMEOUT,
                "default.api.timeout.ms", BOUND,
                "socket.connection.setup.timeout.ms", "10000",
                "socket.connection.setup.timeout.max.ms", BOUND);
    }

    /** Admin client timeouts: every call fails within 30 s. */
    public static Map<String, String> admin() {
        return admin(ERROR_BOUND);
    }

    /**
     * Admin client timeouts for a call bounded by {@code bound}: the admin client retries an unreachable
     * or not-yet-ready broker until {@code default.api.timeout.ms}, so that is the bound.
     */
    public static Map<String, String> admin(Duration bound) {
        long ms = bound.toMillis();
        if (ms <= 0) {
            throw new IllegalArgumentException("admin timeout must be positive: " + bound);
        }
        String all = Long.toString(ms);
        return Map.of(
                "request.timeout.ms", all,
                "default.api.timeout.ms", all,
                "socket.connection.setup.timeout.ms", Long.toString(Math.min(ms, 10_000)),
                "socket.connection.setup.timeout.max.ms", all);
    }
}
