package io.msgbench.driver.nats;

import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.broker.ServerContainer;
import io.msgbench.broker.UnownedServerSystem;
import io.msgbench.driver.BacklogRoom;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.ServerInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * NATS's servers for a run: a server at an address the user gives, or this machine's own on 4222 (msgbench does not
 * start nats-server itself). Either must have JetStream on.
 */
public final class NatsSystem extends UnownedServerSystem {
    static final String LOCAL = "nats://127.0.0.1:4222";

    public NatsSystem() {
        super("nats", "NATS", LOCAL, "nats://host:port", "nats-server -js",
                new ServerContainer("nats:2.10", 4222, List.of("-js"), "nats://%s:%d"));
    }

    /** Room for the backlog: twice what waits per partition, at least the default 1 GiB, unless the user bounded it. */
    @Override
    public Map<String, String> backlogTopicSettings(Map<String, String> topic, double bytesPerPartition,
                                                    double messagesPerPartition) {
        return BacklogRoom.atLeast(topic, NatsDriverFactory.MAX_BYTES_PER_PARTITION, Math.max(1L << 30,
                (long) (2 * bytesPerPartition)), NatsDriverFactory.MAX_BYTES);
    }

    @Override
    protected String normalized(String address) {
        return NatsAddress.normalized(address);
    }

    /** JetStream must be on. */
    @Override
    protected String version(String address, String hint) {
        String url = NatsAddress.normalized(address);
        try (Connection c = Nats.connect(NatsAddress.options(address, "msgbench-readiness"))) {
            ServerInfo info = c.getServerInfo();
            if (!info.isJetStreamAvailable()) {
                throw new BrokerUnavailableException("The NATS server at " + url + " has no JetStream: start it with "
                        + "-js (or jetstream {} in its configuration)");
            }
            return info.getVersion();
        } catch (IOException e) {
            throw new BrokerUnavailableException("No NATS server answers at " + url + " (" + e.getMessage() + ")"
                    + hint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while reaching NATS at " + url);
        } catch (IllegalArgumentException e) {
            throw new BrokerUnavailableException(e.getMessage());
        }
    }
}
