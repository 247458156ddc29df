package io.msgbench.driver.nats;

import io.msgbench.driver.InFlight;
import io.msgbench.driver.PartitionChooser;
import io.msgbench.driver.PayloadCopies;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import io.msgbench.load.PayloadStamp;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.util.concurrent.CompletableFuture;

/**
 * A producer: asynchronous JetStream publishes to its topic's partition subjects, a send completed by the stream's
 * publish ack. jnats keeps the body array it is given until it wrote it, so each send's copy lives in a ring slot of
 * its token (sends in flight differ in the token's low bits): no copy is allocated per send. With
 * {@code messageIdDedup} each message carries {@code Nats-Msg-Id} (producer, phase, sequence) and the stream drops a
 * repeat within its duplicate window.
 */
final class NatsProducer implements ProducerHandle {
    private final JetStream jetStream;
    private final String[] subjects;
    private final boolean messageIdDedup;
    private final PayloadCopies copies;
    private final InFlight inFlight = new InFlight();
    private final PartitionChooser partitions;

    NatsProducer(JetStream jetStream, String[] subjects, boolean messageIdDedup, int maxInFlight) {
        this.jetStream = jetStream;
        this.subjects = subjects;
        this.partitions = new PartitionChooser(subjects.length);
        this.messageIdDedup = messageIdDedup;
        this.copies = new PayloadCopies(maxInFlight);
    }

    @Override
    public void send(byte[] key, byte[] payload, long token, SendListener listener) {
        String subject = subjects[partitions.partition(key)];
        byte[] body = copies.copy(payload, token);
        CompletableFuture<PublishAck> ack;
        inFlight.sent();
        try {
            ack = messageIdDedup
                    ? jetStream.publishAsync(subject, body, PublishOptions.builder().messageId(messageId(payload)).build())
                    : jetStream.publishAsync(subject, body);
        } catch (RuntimeException e) {
            inFlight.completed();
            listener.onCompletion(token, e);
            return;
        }
        ack.whenComplete((a, error) -> {
            inFlight.completed();
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
        inFlight.awaitNone();
    }

    @Override
    public void close() {
        // the driver's connection carries every producer; it closes with the driver
    }
}
