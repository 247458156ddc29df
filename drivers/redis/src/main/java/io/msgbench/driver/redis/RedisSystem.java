package io.msgbench.driver.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.broker.ServerContainer;
import io.msgbench.broker.UnownedServerSystem;
import io.msgbench.driver.BacklogRoom;
import java.util.List;
import java.util.Map;

/**
 * Redis's server for a run: one at an address the user gives, or this machine's own on 6379 (msgbench does not start
 * redis-server itself).
 */
public final class RedisSystem extends UnownedServerSystem {
    static final String LOCAL = "redis://127.0.0.1:6379";

    public RedisSystem() {
        super("redis", "Redis", LOCAL, "redis://host:port", "redis-server --daemonize yes",
                new ServerContainer("redis:7.2", 6379, List.of(), "redis://%s:%d"));
    }

    /** Room for the backlog: twice the messages that wait per partition, unless the user bounded the streams. */
    @Override
    public Map<String, String> backlogTopicSettings(Map<String, String> topic, double bytesPerPartition,
                                                    double messagesPerPartition) {
        return BacklogRoom.atLeast(topic, RedisDriverFactory.MAX_LENGTH, Math.max(RedisDriverFactory.DEFAULT_MAX_LENGTH,
                (long) (2 * messagesPerPartition)));
    }

    @Override
    protected String normalized(String address) {
        return RedisAddress.normalized(address);
    }

    @Override
    protected String version(String address, String hint) {
        RedisClient client;
        try {
            client = RedisAddress.client(address);
        } catch (IllegalArgumentException e) {
            throw new BrokerUnavailableException(e.getMessage());
        }
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return RedisAddress.version(c.sync().info("server"));
        } catch (RedisException e) {
            throw new BrokerUnavailableException("No Redis server answers at " + RedisAddress.normalized(address)
                    + " (" + RedisAddress.rootMessage(e) + ")" + hint);
        } finally {
            RedisAddress.shutdown(client);
        }
    }
}
