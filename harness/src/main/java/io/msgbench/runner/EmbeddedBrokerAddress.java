package io.msgbench.runner;

import io.msgbench.driver.MessagingSystem;
import io.msgbench.worker.http.WorkerEndpoint;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the embedded broker listens: on loopback, unless workers on other hosts must reach it; then on this host's
 * address towards them (the source address of its route to each worker, as the kernel chooses it).
 */
final class EmbeddedBrokerAddress {
    private EmbeddedBrokerAddress() {
    }

    /** @throws UserError when the workers reach this host by different addresses, or a worker's host is unknown */
    static String forWorkers(List<WorkerEndpoint> workers) {
        Map<String, String> sourceByWorker = new LinkedHashMap<>();
        for (WorkerEndpoint w : workers) {
            InetAddress address;
            try {
                address = InetAddress.getByName(w.uri().getHost());
            } catch (UnknownHostException e) {
                throw new UserError("Worker at " + w.uri() + ": unknown host " + w.uri().getHost());
            }
            if (!address.isLoopbackAddress()) {
                sourceByWorker.put(w.uri().toString(), sourceAddressTowards(address, w));
            }
        }
        List<String> sources = sourceByWorker.values().stream().distinct().toList();
        if (sources.isEmpty()) {
            return MessagingSystem.LOOPBACK;
        }
        if (sources.size() > 1) {
            throw new UserError("The workers reach this host at different addresses (" + sourceByWorker
                    + "): the embedded broker advertises one; give --bootstrap with a cluster every worker reaches");
        }
        return sources.get(0);
    }

    /** The local address the kernel would send from to reach {@code target} (a UDP connect sends nothing). */
    private static String sourceAddressTowards(InetAddress target, WorkerEndpoint worker) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(target, worker.uri().getPort()));
            InetAddress local = probe.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw new UserError("Worker at " + worker.uri() + ": no route from this host to " + target.getHostAddress());
            }
            return local.getHostAddress();
        } catch (IOException e) {
            throw new UserError("Worker at " + worker.uri() + ": no route from this host to " + target.getHostAddress()
                    + " (" + e.getMessage() + ")");
        }
    }
}
