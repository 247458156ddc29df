package io.msgbench.driver;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the drivers of a {@link NamedSettingsDriverFactory} share (RabbitMQ, NATS, Redis, MQTT): their settings with
 * the factory's defaults, the clients they made (closed before their connections at the end), and each topic's
 * partition count — known where the topic was created, read from the servers on a worker that did not create it
 * (a scenario spread over several workers).
 */
public abstract class NamedSettingsDriver implements MessagingDriver {
    private final NamedSettingsDriverFactory factory;
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();
    private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();

    protected NamedSettingsDriver(NamedSettingsDriverFactory factory) {
        this.factory = factory;
    }

    @Override
    public final EffectiveClientConfig initialize(DriverContext context) {
        return start(context, factory.effective(context));
    }

    /**
     * Takes its settings from {@code config} (the factory's defaults under what the run gives) and connects.
     *
     * @return the configuration as the clients will use it
     */
    protected abstract EffectiveClientConfig start(DriverContext context, EffectiveClientConfig config);

    /** {@code topic} was created here with {@code count} partitions. */
    protected final void created(String topic, int count) {
        partitions.put(topic, count);
    }

    /** The topic's partition count: known here when this driver created it, else read from the servers once. */
    protected final int partitionsOf(String topic) {
        return partitions.computeIfAbsent(topic, this::partitionsOnServers);
    }

    /**
     * The partition count of a topic another worker created, as the servers keep it.
     *
     * @throws IllegalStateException one line naming the topic when the servers do not have it
     */
    protected abstract int partitionsOnServers(String topic);

    /** A producer or consumer this driver made: closed at the end, before the connections. */
    protected final <C extends AutoCloseable> C made(C client) {
        clients.add(client);
        return client;
    }

    @Override
    public final void close() {
        Closing.all(clients);
        closeConnections();
    }

    /** Releases the driver's own connections, its clients being closed already. */
    protected abstract void closeConnections();
}
