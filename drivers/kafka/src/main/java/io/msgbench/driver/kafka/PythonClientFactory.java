package io.msgbench.driver.kafka;

import io.msgbench.agent.AgentDriver;
import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.MessagingDriver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A Python Kafka client ({@code client=kafka-python}, {@code confluent-kafka}, {@code aiokafka}): run in agent
 * processes, given Kafka's Java setting names and the Java client's shared pins, topics made by the Java admin.
 */
abstract class PythonClientFactory implements DriverFactory {
    private final AgentDriver.AgentClient client;

    PythonClientFactory(String name, String adapterFile) {
        this.client = new AgentDriver.AgentClient(name, List.of(adapterFile), ProducerConfig.configNames(),
                ConsumerConfig.configNames(), KafkaClientDefaults.sharedProducer(), KafkaClientDefaults.sharedConsumer());
    }

    @Override
    public String name() {
        return client.name();
    }

    @Override
    public String system() {
        return "kafka";
    }

    /** The package's own version is known once an agent has imported it (the result records that one). */
    @Override
    public String clientVersion() {
        return client.name() + " (Python agent)";
    }

    @Override
    public Set<String> producerConfigNames() {
        return client.producerNames();
    }

    @Override
    public Set<String> consumerConfigNames() {
        return client.consumerNames();
    }

    @Override
    public Set<String> driverSettingNames() {
        return Set.of(AgentDriver.PYTHON_SETTING);
    }

    @Override
    public List<String> check(Map<String, String> common, Map<String, String> producer, Map<String, String> consumer) {
        return AgentDriver.check(client, common, producer, consumer);
    }

    @Override
    public MessagingDriver create() {
        return new AgentDriver(client, new KafkaDriver());
    }

    /** {@code client=kafka-python}: pure Python, GIL-bound. */
    public static final class KafkaPython extends PythonClientFactory {
        public KafkaPython() {
            super("kafka-python", "client_kafka_python.py");
        }
    }

    /** {@code client=confluent-kafka}: librdkafka underneath. */
    public static final class ConfluentKafka extends PythonClientFactory {
        public ConfluentKafka() {
            super("confluent-kafka", "client_confluent_kafka.py");
        }
    }

    /** {@code client=aiokafka}: asyncio. */
    public static final class Aiokafka extends PythonClientFactory {
        public Aiokafka() {
            super("aiokafka", "client_aiokafka.py");
        }
    }
}
