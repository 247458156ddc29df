package io.msgbench.driver.redis;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.msgbench.driver.Closing;
import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.NamedSettingsDriver;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.metrics.EpochNanoClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lettuce driver for Redis Streams: one client, a connection for administration, one per producer (its commands
 * stay in order) and one per consumer (a blocking read holds its connection). Topology: {@link RedisTopology}.
 * End-to-end latency comes from the harness's stamp in the payload, never from the entry id (the server's clock at
 * append, which leaves out the producer's leg).
 */
final class RedisDriver extends NamedSettingsDriver {
    private static final Logger LOG = LoggerFactory.getLogger(RedisDriver.class);
    private static final AtomicInteger CONSUMERS = new AtomicInteger();

    private RedisClient client;
    private StatefulRedisConnection<byte[], byte[]> admin;
    private long maxLength;
    private boolean pipelining;
    private int readCount;
    private EpochNanoClock clock;

    RedisDriver(RedisDriverFactory factory) {
        super(factory);
    }

    @Override
    protected EffectiveClientConfig start(DriverContext context, EffectiveClientConfig config) {
        Map<String, String> producer = config.producer();
        Map<String, String> consumer = config.consumer();
        maxLength = Long.parseLong(config.topic().get(RedisDriverFactory.MAX_LENGTH));
        pipelining = Boolean.parseBoolean(producer.get(RedisDriverFactory.PIPELINING));
        readCount = Integer.parseInt(consumer.get(RedisDriverFactory.READ_COUNT));
        clock = context.clock();
        client = RedisAddress.client(context.bootstrapServers());
        try {
            admin = client.connect(ByteArrayCodec.INSTANCE);
        } catch (RedisException e) {
            RedisAddress.shutdown(client);
            throw new IllegalStateException("Cannot connect to Redis at " + context.bootstrapServers() + ": "
                    + RedisAddress.rootMessage(e), e);
        }
        return config;
    }

    private RedisCommands<byte[], byte[]> admin() {
        return admin.sync();
    }

    @Override
    public void createTopics(List<String> topics, int partitionCount, Duration timeout) {
        for (String topic : topics) {
            admin().set(bytes(RedisTopology.partitionsKey(topic)), bytes(Integer.toString(partitionCount)));
            created(topic, partitionCount);
        }
    }

    @Override
    public void deleteTopics(List<String> topics, Duration timeout) {
        for (String topic : topics) {
            try {
                admin().del(RedisTopology.streams(topic, partitionsOf(topic)));
                admin().del(bytes(RedisTopology.partitionsKey(topic)));
            } catch (RuntimeException e) {
                LOG.warn("Could not delete the streams of {}: {}", topic, e.toString());
            }
        }
    }

    /** The partitions of a topic another worker created: its partitions key. */
    @Override
    protected int partitionsOnServers(String t) {
        byte[] p = admin().get(bytes(RedisTopology.partitionsKey(t)));
        if (p == null) {
            throw new IllegalStateException("No Redis topic " + t + " (no key " + RedisTopology.partitionsKey(t)
                    + ")");
        }
        return Integer.parseInt(new String(p, StandardCharsets.UTF_8));
    }

    @Override
    public ProducerHandle createProducer(String topic, int maxInFlight) {
        RedisProducer p = new RedisProducer(client.connect(ByteArrayCodec.INSTANCE),
                RedisTopology.streams(topic, partitionsOf(topic)), maxLength, pipelining, maxInFlight);
        made(p);
        return p;
    }

    /** The group is made on every partition stream (with the stream) from its start: nothing sent is skipped. */
    @Override
    public ConsumerHandle createConsumer(String topic, String subscription, MessageListener listener) {
        byte[][] streams = RedisTopology.streams(topic, partitionsOf(topic));
        byte[] group = bytes(subscription);
        for (byte[] stream : streams) {
            try {
                admin().xgroupCreate(StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
            } catch (RedisBusyException e) {
                // another consumer of the subscription made it
            }
        }
        byte[] name = bytes(subscription + "-" + ProcessHandle.current().pid() + "-" + CONSUMERS.incrementAndGet());
        RedisConsumer c = new RedisConsumer(client.connect(ByteArrayCodec.INSTANCE), streams, group, name, readCount,
                listener, clock);
        made(c);
        return c;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void closeConnections() {
        Closing.all(java.util.Arrays.asList(admin));
        if (client != null) {
            RedisAddress.shutdown(client);
        }
    }
}
