package io.msgbench.broker;

import io.msgbench.driver.MessagingSystem;
import java.time.Duration;

/**
 * A system whose servers msgbench does not start (RabbitMQ, NATS, Redis, MQTT brokers): a server at the address the
 * user gives, or this machine's own at its usual address, either checked to answer before any scenario work.
 */
public abstract class UnownedServerSystem implements MessagingSystem {
    private final String name;
    private final String label;
    private final String local;
    private final String addressForm;
    private final String startCommand;
    private final ServerContainer container;

    /**
     * @param name         the system's name, as its drivers give it
     * @param label        the system as people write it, e.g. {@code NATS}
     * @param local        this machine's server's address, e.g. {@code nats://127.0.0.1:4222}
     * @param addressForm  how an address looks, for messages, e.g. {@code nats://host:port}
     * @param startCommand how this machine's server is started, for messages
     * @param container    how its server runs in a container ({@code --containers})
     */
    protected UnownedServerSystem(String name, String label, String local, String addressForm, String startCommand,
                                  ServerContainer container) {
        this.name = name;
        this.label = label;
        this.local = local;
        this.addressForm = addressForm;
        this.startCommand = startCommand;
        this.container = container;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public java.util.Optional<ServerContainer> container() {
        return java.util.Optional.of(container);
    }

    /** This machine's server's address. */
    public final String localAddress() {
        return local;
    }

    @Override
    public BrokerHandle connect(String address, Duration timeout) {
        return new UnownedServers(name, label, "external", normalized(address), version(address, ""));
    }

    /** This machine's server: one node, on loopback (workers elsewhere need an address they reach). */
    @Override
    public BrokerHandle startEmbedded(int nodes, String listenAddress) {
        if (nodes > 1) {
            throw new BrokerUnavailableException("Replication factor " + nodes + " needs a " + label + " cluster: give "
                    + "--cluster " + addressForm);
        }
        if (!LOOPBACK.equals(listenAddress)) {
            throw new BrokerUnavailableException("Workers on other hosts need a " + label + " server they reach: give "
                    + "--cluster " + addressForm);
        }
        return new UnownedServers(name, label, "local", local, version(local, "; start it (" + startCommand
                + ") or give --cluster " + addressForm));
    }

    /** The address as clients are given it (with its scheme). */
    protected abstract String normalized(String address);

    /**
     * The version of the server at {@code address}, read from a connection: proof that it answers.
     *
     * @param hint what to add to the message when it does not answer
     * @throws BrokerUnavailableException one line naming the system and the address
     */
    protected abstract String version(String address, String hint);
}
