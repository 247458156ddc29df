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
 */
final class KafkaProducerHandle implements ProducerHandle {
    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private volatile boolean closed;

    KafkaProducerHandle(String topic, KafkaProducer<byte[], byte[]> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    @Override
    public void send(byte[] key, byte[] payload, long token, SendListener listener) {
        try {
            // kafka-clients needs one Callback per record to tell completions apart; this small object
            // and the ProducerRecord are the client API's cost, not the harness's.
            producer.send(new ProducerRecord<>(topic, key, payload), new Completion(token, listener));
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

    private record Completion(long token, SendListener listener) implements Callback {
        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            listener.onCompletion(token, exception);
        }
    }
}
