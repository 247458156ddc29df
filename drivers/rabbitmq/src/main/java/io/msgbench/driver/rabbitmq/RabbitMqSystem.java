package io.msgbench.driver.rabbitmq;

import com.rabbitmq.client.Connection;
import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.driver.MessagingSystem;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * RabbitMQ's servers for a run: a node at an address the user gives, or this machine's own node on 5672 (msgbench
 * does not start RabbitMQ itself: a node is an Erlang release, not a child process to own).
 */
public final class RabbitMqSystem implements MessagingSystem {
    static final String LOCAL = "amqp://guest:guest@127.0.0.1:5672";

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public BrokerHandle connect(String address, Duration timeout) {
        return new RabbitMqServers("external", RabbitMqAddress.normalized(address), version(address, ""));
    }

    @Override
    public BrokerHandle startEmbedded(int nodes, String listenAddress) {
        if (nodes > 1) {
            throw new BrokerUnavailableException("Replication factor " + nodes + " needs a RabbitMQ cluster: give "
                    + "--cluster amqp://host:port");
        }
        if (!LOOPBACK.equals(listenAddress)) {
            throw new BrokerUnavailableException("Workers on other hosts need a RabbitMQ node they reach: give "
                    + "--cluster amqp://host:port");
        }
        return new RabbitMqServers("local", LOCAL, version(LOCAL, "; start it (rabbitmq-server -detached) or give "
                + "--cluster amqp://host:port"));
    }

    /** The node's version, read from a connection: proof that it answers. */
    private static String version(String address, String hint) {
        try (Connection c = RabbitMqAddress.factory(address).newConnection("msgbench-readiness")) {
            Object v = c.getServerProperties().get("version");
            return v == null ? "unknown" : v.toString();
        } catch (IOException | TimeoutException e) {
            throw new BrokerUnavailableException("No RabbitMQ node answers at " + RabbitMqAddress.normalized(address)
                    + " (" + e.getMessage() + ")" + hint);
        } catch (IllegalArgumentException e) {
            throw new BrokerUnavailableException(e.getMessage());
        }
    }
}
