package io.msgbench.driver.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.msgbench.driver.InFlight;
import io.msgbench.driver.PartitionChooser;
import io.msgbench.driver.PayloadCopies;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import java.util.concurrent.TimeUnit;

/**
 * A producer: a connection of its own running {@code XADD <partition stream> MAXLEN ~ n * d <payload>}; the reply
 * (the entry's id) completes the send. Commands on one connection run in order, so each partition's entries keep
 * the producer's order. Pipelined (the default) several XADDs are in flight at once; not pipelined, each waits for
 * its reply before the next is sent, as OMB's Redis driver does. Lettuce encodes a command's arguments on its I/O
 * thread, after {@code send} returned, so each payload's copy lives in a ring slot of its token (sends in flight
 * differ in the token's low bits): none is allocated per send.
 */
final class RedisProducer implements ProducerHandle {
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisAsyncCommands<byte[], byte[]> commands;
    private final byte[][] streams;
    private final XAddArgs trim;
    private final boolean pipelining;
    private final PayloadCopies copies;
    private final InFlight inFlight = new InFlight();
    private final PartitionChooser partitions;

    RedisProducer(StatefulRedisConnection<byte[], byte[]> connection, byte[][] streams, long maxLength,
                  boolean pipelining, int maxInFlight) {
        this.connection = connection;
        this.commands = connection.async();
        this.streams = streams;
        this.partitions = new PartitionChooser(streams.length);
        this.trim = new XAddArgs().maxlen(maxLength).approximateTrimming();
        this.pipelining = pipelining;
        this.copies = new PayloadCopies(maxInFlight);
    }

    @Override
    public void send(byte[] key, byte[] payload, long token, SendListener listener) {
        byte[] stream = streams[partitions.partition(key)];
        byte[] body = copies.copy(payload, token);
        inFlight.sent();
        RedisFuture<String> reply;
        try {
            reply = commands.xadd(stream, trim, RedisTopology.FIELD, body);
        } catch (RuntimeException e) {
            inFlight.completed();
            listener.onCompletion(token, e);
            return;
        }
        reply.whenComplete((id, error) -> {
            inFlight.completed();
            listener.onCompletion(token, error == null ? null
                    : error instanceof Exception e ? e : new RuntimeException(error));
        });
        if (!pipelining) {
            try {
                reply.await(30, TimeUnit.SECONDS); // a reply that does not come leaves the send in flight
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits (bounded) for every reply: Lettuce writes each command as it is issued. */
    @Override
    public void flush() {
        inFlight.awaitNone();
    }

    @Override
    public void close() {
        connection.close();
    }
}
