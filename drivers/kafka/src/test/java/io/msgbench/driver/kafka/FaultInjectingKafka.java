package io.msgbench.driver.kafka;

import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.MessagingDriver.EffectiveClientConfig;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.ProducerHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The Kafka driver, on a real broker, with faults put in on purpose: each producer and each consumer's listener
 * wrapped by the test's own. The counts those faults must produce are the tests' known answers.
 */
public class FaultInjectingKafka implements DriverFactory {
    private final KafkaDriverFactory kafka = new KafkaDriverFactory();
    private final String name;
    private final BiFunction<ProducerHandle, Integer, ProducerHandle> producerFault;
    private final UnaryOperator<MessageListener> consumerFault;

    /**
     * @param producerFault wraps a real producer, given its maximum of sends in flight
     * @param consumerFault wraps the harness's listener of a consumer
     */
    public FaultInjectingKafka(String name, BiFunction<ProducerHandle, Integer, ProducerHandle> producerFault,
                               UnaryOperator<MessageListener> consumerFault) {
        this.name = name;
        this.producerFault = producerFault;
        this.consumerFault = consumerFault;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String system() {
        return kafka.system();
    }

    @Override
    public String clientVersion() {
        return kafka.clientVersion();
    }

    @Override
    public Set<String> producerConfigNames() {
        return kafka.producerConfigNames();
    }

    @Override
    public Set<String> consumerConfigNames() {
        return kafka.consumerConfigNames();
    }

    /** An OMB driver file names it by its class: {@code driverClass: io.msgbench.driver.kafka.FaultInjectingKafka$Lossy}. */
    @Override
    public Set<String> ombDriverClasses() {
        return Set.of(getClass().getName());
    }

    @Override
    public List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        return kafka.check(common, producer, consumer);
    }

    @Override
    public MessagingDriver create() {
        MessagingDriver real = kafka.create();
        return new MessagingDriver() {
            @Override
            public EffectiveClientConfig initialize(DriverContext context) {
                return real.initialize(context);
            }

            @Override
            public void createTopics(List<String> topics, int partitions, Duration timeout) {
                real.createTopics(topics, partitions, timeout);
            }

            @Override
            public void deleteTopics(List<String> topics, Duration timeout) {
                real.deleteTopics(topics, timeout);
            }

            @Override
            public ProducerHandle createProducer(String topic, int maxInFlight) {
                return producerFault.apply(real.createProducer(topic, maxInFlight), maxInFlight);
            }

            @Override
            public ConsumerHandle createConsumer(String topic, String subscription, MessageListener listener) {
                return real.createConsumer(topic, subscription, consumerFault.apply(listener));
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    /**
     * {@code kafka-lossy}: Kafka whose producers acknowledge the message of sequence {@value #LOST} without sending
     * it, as a broker that lost an acknowledged message; found as a service by the runs of the tests.
     */
    public static final class Lossy extends FaultInjectingKafka {
        /** The sequence (send token) acknowledged and never sent, per producer. */
        public static final long LOST = 100;

        public Lossy() {
            super("kafka-lossy", (producer, inFlight) -> new ProducerHandle() {
                @Override
                public void send(byte[] key, byte[] payload, long token, io.msgbench.driver.SendListener listener) {
                    if (token == LOST) {
                        listener.onCompletion(token, null);
                    } else {
                        producer.send(key, payload, token, listener);
                    }
                }

                @Override
                public void flush() {
                    producer.flush();
                }

                @Override
                public void close() {
                    producer.close();
                }
            }, listener -> listener);
        }
    }
}
