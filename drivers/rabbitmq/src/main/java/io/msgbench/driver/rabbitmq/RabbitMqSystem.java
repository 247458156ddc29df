package io.msgbench.driver.rabbitmq;

import com.rabbitmq.client.Connection;
import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.broker.ServerContainer;
import io.msgbench.broker.UnownedServerSystem;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * RabbitMQ's servers for a run: a node at an address the user gives, or this machine's own node on 5672 (msgbench
 * does not start RabbitMQ itself: a node is an Erlang release, not a child process to own).
 */
public final class RabbitMqSystem extends UnownedServerSystem {
    static final String LOCAL = "amqp://guest:guest@127.0.0.1:5672";

    public RabbitMqSystem() {
        super("rabbitmq", "RabbitMQ", LOCAL, "amqp://host:port", "rabbitmq-server -detached",
                new ServerContainer("rabbitmq:3.13", 5672, List.of(), "amqp://guest:guest@%s:%d"));
    }

    @Override
    protected String normalized(String address) {
        return RabbitMqAddress.normalized(address);
    }

    @Override
    protected String version(String address, String hint) {
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
