package io.msgbench.driver;

import io.msgbench.driver.MessagingDriver.EffectiveClientConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A driver factory whose client takes a fixed set of msgbench-named settings per side, each with a default, and
 * stands in for one OMB driver class (RabbitMQ, NATS, Redis, MQTT); Kafka's clients, with their own configuration
 * definitions, do not need it. {@link #effective} gives a driver its settings.
 */
public abstract class NamedSettingsDriverFactory implements DriverFactory {
    private final String name;
    private final String ombDriverClass;
    private final Map<String, String> producerDefaults;
    private final Map<String, String> consumerDefaults;
    private final Map<String, String> topicDefaults;

    /**
     * @param producerDefaults the producers' settings (their names are the producer settings), with defaults
     * @param consumerDefaults the consumers' settings, with defaults
     * @param topicDefaults    defaults of the settings of the topics a run creates ({@code topic.} parameters)
     */
    protected NamedSettingsDriverFactory(String name, String ombDriverClass, Map<String, String> producerDefaults,
                                         Map<String, String> consumerDefaults, Map<String, String> topicDefaults) {
        this.name = name;
        this.ombDriverClass = ombDriverClass;
        this.producerDefaults = Map.copyOf(producerDefaults);
        this.consumerDefaults = Map.copyOf(consumerDefaults);
        this.topicDefaults = Map.copyOf(topicDefaults);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> producerConfigNames() {
        return producerDefaults.keySet();
    }

    @Override
    public final Set<String> consumerConfigNames() {
        return consumerDefaults.keySet();
    }

    /** The client and version the driver module was built with ({@link BuiltClientVersion}). */
    @Override
    public String clientVersion() {
        return BuiltClientVersion.of(getClass());
    }

    /** The OMB driver this one stands in for: its driver files run here. */
    @Override
    public final Set<String> ombDriverClasses() {
        return Set.of(ombDriverClass);
    }

    /** A driver's settings per side: the defaults, then what the run gives; topic settings checked here. */
    public final EffectiveClientConfig effective(DriverContext context) {
        Map<String, String> producer = DriverContext.clientSettings(producerDefaults, context.common(),
                producerDefaults.keySet(), context.producer());
        Map<String, String> consumer = DriverContext.clientSettings(consumerDefaults, context.common(),
                consumerDefaults.keySet(), context.consumer());
        Map<String, String> topic = new LinkedHashMap<>(topicDefaults);
        topic.putAll(context.topic());
        checkTopic(topic);
        return new EffectiveClientConfig(producer, consumer, topic);
    }

    /** The topic settings with the defaults under them, checked ({@link #checkTopic}). */
    @Override
    public final void checkTopicSettings(Map<String, String> topic) {
        Map<String, String> all = new LinkedHashMap<>(topicDefaults);
        all.putAll(topic);
        checkTopic(all);
    }

    /**
     * Checks the topics' settings: before any server work ({@link #checkTopicSettings}) and again when a driver
     * starts.
     *
     * @throws IllegalArgumentException one line naming the client, the setting and what it expects
     */
    protected void checkTopic(Map<String, String> topic) {
    }
}
