package io.msgbench.report;

import io.msgbench.metrics.GcActivity;
import io.msgbench.metrics.HostActivity;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.metrics.Readings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profilers' figures of one window (an iteration or a report period), by JMH secondary name: {@code gc.*} (JMH's own
 * names and units), {@code os.*} and {@code broker.*}. The same figures are the result's secondaries (over the
 * iterations), its series (per period), the diagnosis' evidence and the reports' charts.
 *
 * <p>Host figures are those of the load generator's host; with workers on several hosts, of the busiest one (by CPU).
 * Shares are of all the host's CPUs; a process's CPU is in cores (CPU seconds per second).
 */
public final class ProfileFigures {
    /** One figure: its value, unit, and whether a result adds it up over iterations (counts) or averages it. */
    public record Figure(double value, String unit, boolean summed) {
    }

    private static final double MB = 1024.0 * 1024.0;

    private ProfileFigures() {
    }

    /** Every figure the window has, in a stable order; none without profilers. */
    public static Map<String, Figure> of(ProfiledWindow w) {
        Map<String, Figure> out = new LinkedHashMap<>();
        double seconds = w.seconds();
        if (seconds <= 0) {
            return out;
        }
        ProcessCpu cpu = w.cpu();
        if (cpu.workerGc() != null) {
            gc(cpu.workerGc(), seconds, w.messagesSent(), out);
        }
        if (cpu.host() != null && !cpu.host().hosts().isEmpty()) {
            os(cpu, seconds, out);
        }
        if (cpu.clients() != null && !cpu.clients().saidNothing()) {
            clients(cpu.clients(), seconds, out);
        }
        if (w.broker() != null && !w.broker().saidNothing()) {
            // the broker is read a little after each boundary, over JMX: its figures are over the time between reads
            broker(w.broker(), w.broker().spanSeconds(seconds), out);
        }
        return Collections.unmodifiableMap(out);
    }

    /** JMH's {@code -prof gc}: allocation rate (MB/sec) and per message sent (B/op), collections and their time. */
    private static void gc(GcActivity gc, double seconds, long messages, Map<String, Figure> out) {
        out.put("gc.alloc.rate", mean(gc.allocatedBytes() / MB / seconds, "MB/sec"));
        out.put("gc.alloc.rate.norm", mean(messages == 0 ? Double.NaN : (double) gc.allocatedBytes() / messages,
                "B/op"));
        out.put("gc.count", new Figure(gc.collections(), "counts", true));
        out.put("gc.time", new Figure(gc.collectionNanos() / 1e6, "ms", true));
        if (gc.pausesRecorded()) {
            out.put("gc.pause.count", new Figure(gc.pauses(), "counts", true));
            out.put("gc.pause.time", new Figure(gc.pauseNanos() / 1e6, "ms", true));
            out.put("gc.pause.share", mean(100 * gc.pauseNanos() / 1e9 / seconds, "%"));
        }
    }

    /** The host that worked hardest in the window, with the load generator's processes. */
    private static void os(ProcessCpu cpu, double seconds, Map<String, Figure> out) {
        HostActivity hosts = cpu.host();
        Readings host = null;
        double busiest = -1;
        double allCpus = 0;
        for (Readings r : hosts.hosts().values()) {
            double busy = busyShare(r);
            if (host == null || busy > busiest) {
                host = r;
                busiest = busy;
            }
            allCpus += r.level("cpus");
        }
        double ticks = 0;
        for (String kind : new String[] {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"}) {
            ticks += ticks(host, kind);
        }
        put(out, "os.cpu.host", percent(busiest), "%");
        put(out, "os.cpu.user", 100 * (ticks(host, "user") + ticks(host, "nice")) / ticks, "%");
        put(out, "os.cpu.system", 100 * (ticks(host, "system") + ticks(host, "irq")
                + ticks(host, "softirq")) / ticks, "%");
        put(out, "os.cpu.iowait", 100 * ticks(host, "iowait") / ticks, "%");
        put(out, "os.cpu.steal", 100 * ticks(host, "steal") / ticks, "%");
        put(out, "os.cpus", host.level("cpus"), "cpus");
        put(out, "os.load1", host.total("load1.integral") / seconds, "threads");
        put(out, "os.contextSwitches", host.total("contextSwitches") / seconds, "1/sec");
        put(out, "os.memory.used", host.total("memory.used.bytes.integral") / seconds / MB, "MB");
        put(out, "os.swap.used", host.total("swap.used.bytes.integral") / seconds / MB, "MB");
        put(out, "os.swap.paging", sum(host, "swap.pagesIn", "swap.pagesOut") / seconds, "pages/sec");
        host.totals().forEach((name, value) -> {
            if (name.startsWith("net.")) {
                put(out, "os." + name.substring(0, name.length() - ".bytes".length()), value / MB / seconds, "MB/sec");
            }
        });
        put(out, "os.disk.read", host.total("disk.read.bytes") / MB / seconds, "MB/sec");
        put(out, "os.disk.written", host.total("disk.written.bytes") / MB / seconds, "MB/sec");
        put(out, "os.cgroup.cpu", host.total("cgroup.cpu.seconds") / seconds, "cores");
        put(out, "os.cgroup.cpu.limit", host.level("cgroup.cpu.cores"), "cores");
        double periods = host.total("cgroup.cpu.periods");
        put(out, "os.cgroup.cpu.throttled", periods > 0 ? 100 * host.total("cgroup.cpu.throttled") / periods : Double.NaN,
                "%");
        put(out, "os.cgroup.memory", host.total("cgroup.memory.bytes.integral") / seconds / MB, "MB");
        put(out, "os.cgroup.memory.limit", host.level("cgroup.memory.limit") / MB, "MB");
        // The load generator: the worker JVMs and their client processes, as a share of all their hosts' CPUs.
        put(out, "os.loadgen.cpu", 100 * (cpu.workerNanos() + cpu.clientProcessesNanos()) / 1e9 / seconds / allCpus, "%");
        Readings processes = hosts.processes();
        put(out, "os.worker.rss", processes.total("worker.rss.bytes.integral") / seconds / MB, "MB");
        put(out, "os.worker.threads", processes.total("worker.threads.integral") / seconds, "threads");
        put(out, "os.clients.rss", processes.total("clients.rss.bytes.integral") / seconds / MB, "MB");
        put(out, "os.clients.threads", processes.total("clients.threads.integral") / seconds, "threads");
        put(out, "os.profiler.cpu", 1e3 * processes.total("profiler.cpu.seconds") / seconds, "ms/sec");
    }

    /** The share of a host's CPU time that was busy (not idle, not waiting for I/O), 0 to 1. */
    static double busyShare(Readings host) {
        double total = 0;
        double idle = ticks(host, "idle") + ticks(host, "iowait");
        for (String kind : new String[] {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"}) {
            total += ticks(host, kind);
        }
        return total > 0 ? 1 - idle / total : Double.NaN;
    }

    /** The totals of {@code names} added up, those the source did not say as 0; NaN when it said none. */
    private static double sum(Readings r, String... names) {
        double sum = Double.NaN;
        for (String name : names) {
            double v = r.total(name);
            sum = Double.isNaN(v) ? sum : Double.isNaN(sum) ? v : sum + v;
        }
        return sum;
    }

    /** CPU seconds of one kind; a kind the host does not count is 0. */
    private static double ticks(Readings host, String kind) {
        return host.totals().getOrDefault("cpu." + kind + ".seconds", 0.0);
    }

    /** The clients' own figures: their averages' means over clients and time, shares of their time, rates. */
    private static void clients(Readings c, double seconds, Map<String, Figure> out) {
        double producers = c.level("producers");
        double consumers = c.level("consumers");
        if (producers > 0) {
            put(out, "client.producer.queue.time", c.total("producer.queue.time.ms.integral") / seconds / producers, "ms");
            put(out, "client.producer.request.latency", c.total("producer.request.latency.ms.integral") / seconds
                    / producers, "ms");
            put(out, "client.producer.batch.size", c.total("producer.batch.bytes.integral") / seconds / producers, "B");
            put(out, "client.producer.records.per.request", c.total("producer.records.per.request.integral") / seconds
                    / producers, "records");
            put(out, "client.producer.bufferpool.wait", 100 * c.total("producer.bufferpool.wait.seconds") / seconds
                    / producers, "%");
            put(out, "client.producer.io.wait", 100 * c.total("producer.io.wait.seconds") / seconds / producers, "%");
            put(out, "client.producer.requests", c.total("producer.requests") / seconds, "requests/sec");
            put(out, "client.producer.retries", c.total("producer.records.retries"), "counts", true);
            put(out, "client.producer.errors", c.total("producer.records.errors"), "counts", true);
        }
        if (consumers > 0) {
            put(out, "client.consumer.fetch.latency", c.total("consumer.fetch.latency.ms.integral") / seconds / consumers,
                    "ms");
            put(out, "client.consumer.fetches", c.total("consumer.fetches") / seconds, "requests/sec");
            put(out, "client.consumer.lag.max", c.total("consumer.lag.max.integral") / seconds, "records");
            put(out, "client.consumer.poll.idle", 100 * c.total("consumer.poll.idle.ratio.integral") / seconds
                    / consumers, "%");
        }
    }

    private static void broker(Readings b, double seconds, Map<String, Figure> out) {
        put(out, "broker.cpu", b.total("process.cpu.seconds") / seconds, "cores");
        put(out, "broker.gc.count", b.total("gc.count"), "counts", true);
        put(out, "broker.gc.time", 1e3 * b.total("gc.seconds"), "ms", true);
        put(out, "broker.messages.in", b.total("messages.in") / seconds, "msg/sec");
        put(out, "broker.bytes.in", b.total("bytes.in") / MB / seconds, "MB/sec");
        put(out, "broker.bytes.out", b.total("bytes.out") / MB / seconds, "MB/sec");
        put(out, "broker.handler.idle", clamp(100 * b.total("handler.idle.seconds") / seconds / b.level("nodes")), "%");
        put(out, "broker.network.idle", clamp(100 * b.total("network.idle.seconds") / seconds
                / b.level("network.threads")), "%");
        for (String request : new String[] {"produce", "fetch"}) {
            double count = b.total(request + ".count");
            put(out, "broker." + request + ".rate", count / seconds, "requests/sec");
            if (count > 0) {
                put(out, "broker." + request + ".time", b.total(request + ".total.ms.sum") / count, "ms");
                put(out, "broker." + request + ".queue.time", b.total(request + ".queue.ms.sum") / count, "ms");
                put(out, "broker." + request + ".local.time", b.total(request + ".local.ms.sum") / count, "ms");
            }
        }
        double flushes = b.total("flush.count");
        put(out, "broker.flush.rate", flushes / seconds, "1/sec");
        if (flushes > 0) {
            put(out, "broker.flush.time", b.total("flush.ms.sum") / flushes, "ms");
        }
        put(out, "broker.partitions.underReplicated", b.level("partitions.underReplicated"), "partitions");
        put(out, "broker.requests.queued", b.level("requests.queued"), "requests");
        put(out, "broker.heap.used", b.level("heap.used.bytes") / MB, "MB");
        put(out, "broker.threads", b.level("threads"), "threads");
    }

    private static Figure mean(double value, String unit) {
        return new Figure(value, unit, false);
    }

    /** Leaves out what the window's sources did not say (NaN, or infinite from a zero). */
    private static void put(Map<String, Figure> out, String name, double value, String unit) {
        put(out, name, value, unit, false);
    }

    private static void put(Map<String, Figure> out, String name, double value, String unit, boolean summed) {
        if (Double.isFinite(value)) {
            out.put(name, new Figure(value, unit, summed));
        }
    }

    private static double percent(double share) {
        return 100 * share;
    }

    /** Idle times credited when a poll ends jitter past the window's edges. */
    private static double clamp(double percent) {
        return Double.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : percent;
    }
}
