package io.msgbench.driver;

import java.util.Set;

/**
 * A driver factory whose client takes a fixed set of msgbench-named settings per side and stands in for one OMB
 * driver class (RabbitMQ, NATS, Redis, MQTT); Kafka's clients, with their own configuration definitions, do not
 * need it.
 */
public abstract class NamedSettingsDriverFactory implements DriverFactory {
    private final String name;
    private final Set<String> producerSettings;
    private final Set<String> consumerSettings;
    private final String ombDriverClass;

    protected NamedSettingsDriverFactory(String name, Set<String> producerSettings, Set<String> consumerSettings,
                                         String ombDriverClass) {
        this.name = name;
        this.producerSettings = Set.copyOf(producerSettings);
        this.consumerSettings = Set.copyOf(consumerSettings);
        this.ombDriverClass = ombDriverClass;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> producerConfigNames() {
        return producerSettings;
    }

    @Override
    public final Set<String> consumerConfigNames() {
        return consumerSettings;
    }

    /** The OMB driver this one stands in for: its driver files run here. */
    @Override
    public final Set<String> ombDriverClasses() {
        return Set.of(ombDriverClass);
    }
}
