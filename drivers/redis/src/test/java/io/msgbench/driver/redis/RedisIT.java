package io.msgbench.driver.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.msgbench.api.KeyDistributor;
import io.msgbench.load.PayloadStamp;
import io.msgbench.testing.KnownFaults;
import io.msgbench.testing.LocalServerContract;
import io.msgbench.worker.InProcessWorker;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redis Streams driver against this machine's server (127.0.0.1:6379; .ci/run starts it): the rate it is asked
 * for, every message verified (binary payloads intact: the stamp is checked on each), OMB's own driver file, and
 * faults made on the server counted exactly.
 */
class RedisIT extends LocalServerContract {
    RedisIT() {
        super(new RedisSystem(), "drivers/redis/redis.yaml", "# Cluster: local Redis ", "redis://127.0.0.1:1",
                "ERROR: No Redis server answers at redis://127.0.0.1:1 (");
    }

    /** OMB's own redis.yaml runs unchanged (Jedis's pool sizes ignored, said); XADDs one at a time as a parameter. */
    @Test
    void ombsOwnDriverFileRunsUnchanged(@TempDir Path dir) throws Exception {
        ombFileRunsAtItsRate(dir, "redis.yaml", """
                name: Redis
                driverClass: io.openmessaging.benchmark.driver.redis.RedisBenchmarkDriver

                # Redis client-specific configuration
                redisPort: 6379
                redisHost: 127.0.0.1
                jedisPoolMaxTotal: 8
                jedisPoolMaxIdle: 8""", List.of("producer.pipelining=false"),
                "# Cluster: external, redis://127.0.0.1:6379 (named by the driver file)", "pipelining=false",
                dir.resolve("redis.yaml") + ":7: jedisPoolMaxTotal ignored: Lettuce needs no pool");

        badDriverFileIsOneLine("""
                name: Redis
                driverClass: io.openmessaging.benchmark.driver.redis.RedisBenchmarkDriver
                redisPort: six
                redisHost: 127.0.0.1
                """, "3: redisPort: six is not a port number", dir);
    }

    /**
     * 10 entries deleted from the partition stream before the subscription read them are 10 lost, one stamped
     * message added a second time is 1 duplicated; nothing else is lost, duplicated or reordered.
     */
    @Test
    void aGapAndADuplicateMadeOnTheServerAreCountedExactly() throws Exception {
        String topic = "known-faults-redis-" + System.nanoTime();
        RedisClient client = RedisAddress.client(RedisSystem.LOCAL);
        try (InProcessWorker worker = InProcessWorker.create();
             StatefulRedisConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE)) {
            worker.initialize(new WorkerSetup("redis", RedisSystem.LOCAL, Map.of(), Map.of(), Map.of(), Map.of(),
                    (short) 1, 1));
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, "s")), Duration.ofSeconds(30));
            worker.createProducers(List.of(new ProducerSpec(topic, 7)),
                    new MessageSpec(256, KeyDistributor.NO_KEY, false, 0, 0, 1, null), 200);
            worker.probe(Duration.ofSeconds(30)); // the stream's first entry
            worker.pauseConsumers();
            worker.startLoad(200, 1);
            Thread.sleep(1_000); // about 200 entries wait in the stream, unread
            RedisCommands<byte[], byte[]> redis = c.sync();
            byte[] stream = (topic + ":0").getBytes(StandardCharsets.UTF_8);
            List<StreamMessage<byte[], byte[]>> first = redis.xrange(stream, Range.create("-", "+"),
                    io.lettuce.core.Limit.from(11));
            assertThat(first).hasSize(11);
            for (StreamMessage<byte[], byte[]> e : first.subList(1, 11)) {
                assertThat(redis.xdel(stream, e.getId())).isEqualTo(1L);
            }
            byte[] copy = new byte[256];
            PayloadStamp.write(copy, 1, 7, 20, 1, 2); // message 20 of producer 7, phase 1, once more
            redis.xadd(stream, RedisTopology.FIELD, copy);
            KnownFaults.assertCountedExactly(worker, "redis", 10, 1);
        } finally {
            RedisAddress.shutdown(client);
        }
    }

}
