package io.msgbench.driver.kafka;

import io.msgbench.metrics.Readings;
import io.msgbench.driver.kafka.broker.BrokerClientSettings;
import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.metrics.EpochNanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kafka-clients driver: an Admin for topics, one KafkaProducer per producer, one KafkaConsumer per consumer. */
final class KafkaDriver implements MessagingDriver {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaDriver.class);

    private Admin admin;
    private Map<String, String> producerConfig;
    private Map<String, String> consumerConfig;
    private Map<String, String> topicConfig;
    private short replicationFactor;
    private EpochNanoClock clock;
    private final List<AutoCloseable> clients = new ArrayList<>();
    /** The clients whose metrics {@link #clientMetrics} reads (kept apart from their handles). */
    private final List<KafkaProducer<byte[], byte[]>> producers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<KafkaConsumer<byte[], byte[]>> consumers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public EffectiveClientConfig initialize(DriverContext context) {
        Map<String, String> common = new LinkedHashMap<>(context.common());
        common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, context.bootstrapServers());
        producerConfig = DriverContext.clientSettings(KafkaClientDefaults.producer(), common, ProducerConfig.configNames(), context.producer());
        consumerConfig = DriverContext.clientSettings(KafkaClientDefaults.consumer(), common, ConsumerConfig.configNames(), context.consumer());
        if (context.profileClients()) {
            // The clients' averages span 2 × 30 s by default: a second each, so that they are read per second.
            producerConfig.putIfAbsent(CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG, "1000");
            consumerConfig.putIfAbsent(CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG, "1000");
        }
        topicConfig = Map.copyOf(context.topic());
        replicationFactor = context.replicationFactor();
        clock = context.clock();
        Map<String, Object> adminConfig = new HashMap<>(BrokerClientSettings.admin());
        for (Map.Entry<String, String> e : common.entrySet()) {
            if (AdminClientConfig.configNames().contains(e.getKey())) {
                adminConfig.put(e.getKey(), e.getValue());
            }
        }
        admin = Admin.create(adminConfig);
        return new EffectiveClientConfig(producerConfig, consumerConfig, topicConfig);
    }

    @Override
    public void createTopics(List<String> topics, int partitions, Duration timeout) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (String t : topics) {
            newTopics.add(new NewTopic(t, partitions, replicationFactor).configs(topicConfig));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            admin.createTopics(newTopics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // Creation returns before every partition has a leader; producers would stall on metadata otherwise.
            while (!allLeadersElected(topics, partitions)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topics " + topics + " have no leader for every partition after "
                            + timeout.toSeconds() + " s");
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Creating topics " + topics + " failed: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Creating topics " + topics + " took longer than " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    private boolean allLeadersElected(List<String> topics, int partitions) throws InterruptedException {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            for (TopicDescription d : descriptions.values()) {
                if (d.partitions().size() != partitions) {
                    return false;
                }
                for (TopicPartitionInfo p : d.partitions()) {
                    if (p.leader() == null) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("Describing topics " + topics + " failed: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Override
    public void deleteTopics(List<String> topics, Duration timeout) {
        try {
            admin.deleteTopics(topics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) { // already gone is what we want
                LOG.warn("Deleting topics {} failed: {}", topics, e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            LOG.warn("Deleting topics {} took longer than {} s", topics, timeout.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ProducerHandle createProducer(String topic, int maxInFlight) {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(toProperties(producerConfig));
        KafkaProducerHandle handle = new KafkaProducerHandle(topic, producer, maxInFlight);
        synchronized (clients) {
            clients.add(handle);
        }
        producers.add(producer);
        return handle;
    }

    @Override
    public ConsumerHandle createConsumer(String topic, String subscription, MessageListener listener) {
        Map<String, String> config = new LinkedHashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, subscription);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(toProperties(config));
        KafkaConsumerHandle handle = new KafkaConsumerHandle(topic, consumer, listener, clock);
        synchronized (clients) {
            clients.add(handle);
        }
        consumers.add(consumer);
        handle.start();
        return handle;
    }

    private static Properties toProperties(Map<String, String> map) {
        Properties p = new Properties();
        p.putAll(map);
        return p;
    }

    @Override
    public boolean hasClientMetrics() {
        return true;
    }

    @Override
    public Readings clientMetrics() {
        return KafkaClientMetrics.of(producers, consumers);
    }

    @Override
    public void close() {
        producers.clear();
        consumers.clear();
        List<AutoCloseable> toClose;
        synchronized (clients) {
            toClose = new ArrayList<>(clients);
            clients.clear();
        }
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing a Kafka client failed: {}", e.toString());
            }
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(10));
            admin = null;
        }
    }
}
