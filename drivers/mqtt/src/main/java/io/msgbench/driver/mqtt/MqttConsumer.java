package io.msgbench.driver.mqtt;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.MessageListener;
import io.msgbench.metrics.EpochNanoClock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A consumer of one subscription: an MQTT client of its own in the subscription's shared group, its messages handed
 * to the listener on a thread of its own (HiveMQ calls every client back on one shared pool otherwise, so a slow
 * consumer would hold up the others) and acknowledged after it (manual acknowledgement). Paused, the thread waits
 * before handing a message over: the broker holds what comes beyond the client's receive window, as far as its
 * queue limits let it (Mosquitto drops beyond {@code max_queued_messages}: counted lost).
 */
final class MqttConsumer implements ConsumerHandle {
    private static final long SUBSCRIBE_SECONDS = 10;
    private static final long DISCONNECT_SECONDS = 5;

    private final Mqtt5AsyncClient client;
    private final MessageListener listener;
    private final EpochNanoClock clock;
    private final ExecutorService callbacks;
    /** Held while a message is handed over, so a pause returns only after the one in hand. */
    private final ReentrantLock handing = new ReentrantLock();
    private final Condition resumed = handing.newCondition();
    private boolean paused;
    private volatile boolean closing;
    private volatile Exception failure;

    MqttConsumer(MqttAddress address, String identifier, MqttConsumerSettings settings, String filter,
                 MessageListener listener, EpochNanoClock clock) throws Exception {
        this.listener = listener;
        this.clock = clock;
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "msgbench-consumer-" + identifier);
            t.setDaemon(true);
            return t;
        });
        this.client = address.client(identifier, context -> {
            if (!closing) {
                failure = new IllegalStateException("MQTT connection lost: " + context.getCause());
            }
        });
        settings.connect(client).get(SUBSCRIBE_SECONDS, TimeUnit.SECONDS);
        Mqtt5SubAck ack = client.subscribe(Mqtt5Subscribe.builder().topicFilter(filter).qos(settings.qos()).build(),
                this::onPublish, callbacks, true).get(SUBSCRIBE_SECONDS, TimeUnit.SECONDS);
        for (Mqtt5SubAckReasonCode code : ack.getReasonCodes()) {
            if (code.isError()) {
                disconnect(client);
                throw new IllegalStateException("The MQTT broker refused the subscription " + filter + ": " + code);
            }
        }
    }

    private void onPublish(Mqtt5Publish publish) {
        handing.lock();
        try {
            while (paused && !closing) {
                resumed.awaitUninterruptibly();
            }
            listener.onMessage(MqttTopology.partition(publish.getTopic().toString()), publish.getPayloadAsBytes(),
                    clock.epochNanos());
        } finally {
            handing.unlock();
        }
        publish.acknowledge();
    }

    @Override
    public boolean awaitAssignment(Duration timeout) {
        return true; // subscribed once this exists
    }

    @Override
    public void pause() {
        handing.lock();
        try {
            paused = true;
        } finally {
            handing.unlock();
        }
    }

    @Override
    public void resume() {
        handing.lock();
        try {
            paused = false;
            resumed.signalAll();
        } finally {
            handing.unlock();
        }
    }

    @Override
    public Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        closing = true;
        resume();
        disconnect(client);
        callbacks.shutdownNow();
    }

    /** Disconnects, waiting a bounded time for the broker. */
    static void disconnect(Mqtt5AsyncClient client) {
        try {
            client.disconnect().get(DISCONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // not connected, or the broker is gone: nothing left to release
        }
    }
}
