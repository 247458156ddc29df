package io.msgbench.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the {@code os} profiler read on the load generator's side: each host's figures by host name (CPU by kind, load,
 * memory, swap, network, disks, its cgroup), and the load generator's processes (worker JVMs, client processes)
 * added up over workers. Workers on one host read the same host: it is counted once.
 *
 * @param hosts     by host name
 * @param processes the worker JVMs' and their client processes' resident memory and threads
 */
public record HostActivity(Map<String, Readings> hosts, Readings processes) {
    public HostActivity {
        hosts = Map.copyOf(hosts);
    }

    /** What happened from {@code earlier} to this reading (a host {@code earlier} lacks counts from its start). */
    public HostActivity since(HostActivity earlier) {
        Map<String, Readings> h = new TreeMap<>();
        hosts.forEach((name, r) -> h.put(name, r.since(earlier.hosts.getOrDefault(name, Readings.NONE))));
        return new HostActivity(h, processes.since(earlier.processes));
    }

    /** Two workers' readings: hosts by name, each once; processes added up. */
    public HostActivity plus(HostActivity other) {
        Map<String, Readings> h = new TreeMap<>(hosts);
        other.hosts.forEach(h::putIfAbsent);
        return new HostActivity(h, processes.plus(other.processes));
    }
}
