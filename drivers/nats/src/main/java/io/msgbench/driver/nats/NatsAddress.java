package io.msgbench.driver.nats;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Options;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where a NATS server answers: {@code nats://host:port}, or {@code host:port}. */
final class NatsAddress {
    private static final Logger LOG = LoggerFactory.getLogger(NatsAddress.class);
    /**
     * jnats reports through java.util.logging by default (a SEVERE line before msgbench's own error); its
     * exceptions go to the driver's log instead, and what ends a run is said once, by msgbench.
     */
    private static final ErrorListener ERRORS = new ErrorListener() {
        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.warn("NATS: {}", error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            LOG.debug("NATS connection: {}", exp.toString());
        }

        @Override
        public void slowConsumerDetected(Connection conn, Consumer consumer) {
            LOG.warn("NATS: slow consumer (the client dropped messages it could not hand over in time)");
        }
    };

    private NatsAddress() {
    }

    /** The address as clients of a run are given it: with the scheme. */
    static String normalized(String address) {
        return address.contains("://") ? address : "nats://" + address;
    }

    /** Connection options for {@code address}; one line saying what is wrong with it otherwise. */
    static Options options(String address, String connectionName) {
        String url = normalized(address);
        if (!url.matches("(nats|tls|ws|wss)://.+")) {
            throw new IllegalArgumentException("'" + address + "' is not a NATS address (nats://host:port or "
                    + "host:port)");
        }
        try {
            return new Options.Builder().server(url).connectionName(connectionName)
                    .connectionTimeout(Duration.ofSeconds(10))
                    // a benchmark counts what a broken connection lost; reconnecting would blur it
                    .noReconnect()
                    .errorListener(ERRORS)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + address + "' is not a NATS address: " + e.getMessage());
        }
    }
}
