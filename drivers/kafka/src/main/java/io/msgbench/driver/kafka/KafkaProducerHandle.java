package io.msgbench.driver.kafka;

import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import java.time.Duration;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A KafkaProducer bound to one topic. KafkaProducer copies the value into its batch inside
 * {@code send()}, so the harness may reuse its buffer as soon as the call returns.
 *
 * <p>kafka-clients wants one {@link Callback} per record to tell completions apart. Instead of
 * allocating one per message, the handle keeps a ring of reusable callbacks, as many as the harness may
 * have in flight, indexed by the token: the harness guarantees that sends in flight together have
 * distinct slots. The fields are written before {@code send()} and read by the I/O thread after it; the
 * client's own hand-off of the record orders the two.
 */
final class KafkaProducerHandle implements ProducerHandle {
    private final int mask;
    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Completion[] completions;
    private volatile boolean closed;

    /** @param maxInFlight a power of two, at most {@link ProducerHandle#MAX_IN_FLIGHT} */
    KafkaProducerHandle(String topic, KafkaProducer<byte[], byte[]> producer, int maxInFlight) {
        if (Integer.bitCount(maxInFlight) != 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("maxInFlight must be a power of two up to " + MAX_IN_FLIGHT + ", was "
                    + maxInFlight);
        }
        this.mask = maxInFlight - 1;
        this.completions = new Completion[maxInFlight];
        this.topic = topic;
        this.producer = producer;
        for (int i = 0; i < completions.length; i++) {
            completions[i] = new Completion();
        }
    }

    @Override
    public void send(byte[] key, byte[] payload, long token, SendListener listener) {
        Completion completion = completions[(int) (token & mask)];
        completion.token = token;
        completion.listener = listener;
        try {
            // The ProducerRecord is the client API's own cost.
            producer.send(new ProducerRecord<>(topic, key, payload), completion);
        } catch (RuntimeException e) {
            // Errors the client throws instead of reporting (closed producer, serialization) count as failed sends.
            listener.onCompletion(token, e);
        }
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** One reusable completion slot; its send's token and listener. */
    private static final class Completion implements Callback {
        long token;
        SendListener listener;

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            listener.onCompletion(token, exception);
        }
    }
}
