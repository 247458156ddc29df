package io.msgbench.driver.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.PollingConsumer;
import io.msgbench.metrics.EpochNanoClock;
import java.util.List;

/**
 * A consumer of one subscription: a connection and a thread of its own (a blocking read holds its connection) reading
 * its consumer group on every partition stream of the topic, {@code XREADGROUP ... COUNT n BLOCK 100 STREAMS ... >},
 * handing each entry's payload (bytes, never a String) to the listener, then acknowledging the batch with {@code
 * XACK}, so the group's pending list does not grow. A pause takes effect between reads.
 */
final class RedisConsumer extends PollingConsumer {
    private static final long BLOCK_MILLIS = 100;

    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisCommands<byte[], byte[]> commands;
    private final Consumer<byte[]> member;
    private final byte[] group;
    private final StreamOffset<byte[]>[] offsets;
    private final XReadArgs read;
    private final MessageListener listener;
    private final EpochNanoClock clock;

    @SuppressWarnings("unchecked")
    RedisConsumer(StatefulRedisConnection<byte[], byte[]> connection, byte[][] streams, byte[] group, byte[] name,
                  int count, MessageListener listener, EpochNanoClock clock) {
        super("msgbench-consumer-" + new String(name, java.nio.charset.StandardCharsets.UTF_8));
        this.connection = connection;
        this.commands = connection.sync();
        this.member = Consumer.from(group, name);
        this.group = group;
        this.offsets = new StreamOffset[streams.length];
        for (int p = 0; p < streams.length; p++) {
            offsets[p] = StreamOffset.lastConsumed(streams[p]);
        }
        this.read = XReadArgs.Builder.count(count).block(BLOCK_MILLIS);
        this.listener = listener;
        this.clock = clock;
        start();
    }

    /** One read of the group's new entries on every partition stream, blocking up to 100 ms. */
    @Override
    protected void poll() {
        List<StreamMessage<byte[], byte[]>> entries = commands.xreadgroup(member, read, offsets);
        if (entries.isEmpty()) {
            return;
        }
        long receiveTime = clock.epochNanos();
        for (StreamMessage<byte[], byte[]> e : entries) {
            for (byte[] payload : e.getBody().values()) { // one field: the payload
                listener.onMessage(RedisTopology.partition(e.getStream()), payload, receiveTime);
            }
        }
        acknowledge(entries);
    }

    /** One XACK per stream of the batch (a batch comes stream by stream). */
    private void acknowledge(List<StreamMessage<byte[], byte[]>> entries) {
        int from = 0;
        while (from < entries.size()) {
            byte[] stream = entries.get(from).getStream();
            int to = from;
            while (to < entries.size() && java.util.Arrays.equals(entries.get(to).getStream(), stream)) {
                to++;
            }
            String[] ids = new String[to - from];
            for (int i = from; i < to; i++) {
                ids[i - from] = entries.get(i).getId();
            }
            connection.async().xack(stream, group, ids); // pipelined before the next read, its reply not awaited
            from = to;
        }
    }

    @Override
    protected void closeClient() {
        connection.close();
    }
}
