package io.msgbench.driver.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.broker.ServerContainer;
import io.msgbench.broker.UnownedServerSystem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * MQTT's broker for a run: one at an address the user gives, or this machine's own on 1883 (msgbench does not start
 * Mosquitto itself). Its version is what the broker retains on {@code $SYS/broker/version} (Mosquitto does), else
 * unknown: MQTT itself does not say.
 */
public final class MqttSystem extends UnownedServerSystem {
    static final String LOCAL = "tcp://127.0.0.1:1883";
    private static final long CONNECT_SECONDS = 10;
    private static final long VERSION_MILLIS = 1_000;

    public MqttSystem() {
        // the image's own configuration listens on loopback only; its no-auth file listens for the mapped port
        super("mqtt", "MQTT", LOCAL, "tcp://host:port", "mosquitto -d", new ServerContainer("eclipse-mosquitto:2.0",
                1883, List.of("mosquitto", "-c", "/mosquitto-no-auth.conf"), "tcp://%s:%d"));
    }

    @Override
    protected String normalized(String address) {
        return MqttAddress.normalized(address);
    }

    @Override
    protected String version(String address, String hint) {
        MqttAddress a;
        try {
            a = MqttAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw new BrokerUnavailableException(e.getMessage());
        }
        Mqtt5AsyncClient client = a.client("msgbench-readiness-" + ProcessHandle.current().pid(), ignored -> { });
        try {
            client.connect().get(CONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while reaching MQTT at " + a.display());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BrokerUnavailableException("No MQTT broker answers at " + a.display() + " (" + cause.getMessage()
                    + ")" + hint);
        }
        try {
            CompletableFuture<String> version = new CompletableFuture<>();
            client.subscribe(Mqtt5Subscribe.builder().topicFilter("$SYS/broker/version").qos(MqttQos.AT_MOST_ONCE)
                    .build(), p -> version.complete(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8).strip()));
            return version.get(VERSION_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        } catch (ExecutionException | TimeoutException e) {
            return "unknown";
        } finally {
            MqttConsumer.disconnect(client);
        }
    }
}
