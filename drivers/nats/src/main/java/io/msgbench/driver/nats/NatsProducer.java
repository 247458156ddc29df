package io.msgbench.driver.nats;

import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import io.msgbench.load.PayloadStamp;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A producer: asynchronous JetStream publishes to its topic's partition subjects, a send completed by the stream's
 * publish ack. jnats keeps the body array it is given until it wrote it, so each send's copy lives in a ring slot of
 * its token (sends in flight differ in the token's low bits): no copy is allocated per send. With
 * {@code messageIdDedup} each message carries {@code Nats-Msg-Id} (producer, phase, sequence) and the stream drops a
 * repeat within its duplicate window.
 */
final class NatsProducer implements ProducerHandle {
    private static final long FLUSH_BOUND_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final JetStream jetStream;
    private final String[] subjects;
    private final boolean messageIdDedup;
    private final byte[][] bodies;
    private final int mask;
    private final AtomicInteger inFlight = new AtomicInteger();
    private int next;

    NatsProducer(JetStream jetStream, String[] subjects, boolean messageIdDedup, int maxInFlight) {
        this.jetStream = jetStream;
        this.subjects = subjects;
        this.messageIdDedup = messageIdDedup;
        int size = Integer.highestOneBit(Math.max(1, maxInFlight));
        this.bodies = new byte[size][];
        this.mask = size - 1;
    }

    @Override
    public void send(byte[] key, byte[] payload, long token, SendListener listener) {
        String subject = subjects[key == null ? Math.floorMod(next++, subjects.length)
                : Math.floorMod(Arrays.hashCode(key), subjects.length)];
        int slot = (int) (token & mask);
        byte[] body = bodies[slot];
        if (body == null || body.length != payload.length) {
            body = new byte[payload.length];
            bodies[slot] = body;
        }
        System.arraycopy(payload, 0, body, 0, payload.length);
        CompletableFuture<PublishAck> ack;
        inFlight.incrementAndGet();
        try {
            ack = messageIdDedup
                    ? jetStream.publishAsync(subject, body, PublishOptions.builder().messageId(messageId(payload)).build())
                    : jetStream.publishAsync(subject, body);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            listener.onCompletion(token, e);
            return;
        }
        ack.whenComplete((a, error) -> {
            inFlight.decrementAndGet();
            listener.onCompletion(token, error == null ? null
                    : error instanceof Exception e ? e : new RuntimeException(error));
        });
    }

    /** Unique per message of a run: the stamp's producer, phase and sequence. */
    private static String messageId(byte[] payload) {
        return PayloadStamp.producerId(payload) + "-" + PayloadStamp.phase(payload) + "-"
                + PayloadStamp.sequence(payload);
    }

    /** Waits (bounded) until every publish is acknowledged or failed: jnats writes its buffer on its own. */
    @Override
    public void flush() {
        long deadline = System.nanoTime() + FLUSH_BOUND_NANOS;
        while (inFlight.get() > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Override
    public void close() {
        // the driver's connection carries every producer; it closes with the driver
    }
}
