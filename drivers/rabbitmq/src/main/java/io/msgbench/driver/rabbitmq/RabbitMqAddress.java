package io.msgbench.driver.rabbitmq;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;

/** Where a RabbitMQ node answers: {@code amqp://user:pass@host:port/vhost}, or {@code host:port} (guest/guest). */
final class RabbitMqAddress {
    private RabbitMqAddress() {
    }

    /** A connection factory for {@code address}; one line saying what is wrong with it otherwise. */
    static ConnectionFactory factory(String address) {
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(address.contains("://") ? address : "amqp://" + address);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + address + "' is not a RabbitMQ address (amqp://host:port or "
                    + "host:port): " + e.getMessage());
        }
        f.setConnectionTimeout(10_000);
        f.setHandshakeTimeout(10_000);
        // a benchmark counts what a broken connection lost; recovery would redeliver and blur it
        f.setAutomaticRecoveryEnabled(false);
        return f;
    }

    /** The address as clients of a run are given it: with the scheme. */
    static String normalized(String address) {
        return address.contains("://") ? address : "amqp://" + address;
    }
}
