package io.msgbench.profile;

import io.msgbench.metrics.HostActivity;
import io.msgbench.metrics.Readings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The {@code os} profiler on a worker: its host's CPU by kind, load, memory, swap, context switches, network bytes per
 * interface (loopback included: a broker on the same machine is reached there), disk bytes and its cgroup, and the
 * worker JVM's and its client processes' resident memory and threads.
 *
 * <p>Counters are read when a reading is asked for (phase and report-period boundaries), so a window's figures are
 * exact differences; gauges (load, memory, swap, resident sizes, threads) are sampled once a second on a thread of
 * its own, off the load threads, and integrated over time, so a window's figure is their mean over it. What the
 * sampling itself costs is counted too ({@code profiler.cpu.seconds}).
 */
public final class HostSampler implements AutoCloseable {
    /** How often the gauges are sampled. */
    public static final long PERIOD_MILLIS = 1000;

    private final SystemInfo system = new SystemInfo();
    private final CentralProcessor cpu = system.getHardware().getProcessor();
    private final GlobalMemory memory = system.getHardware().getMemory();
    private final OperatingSystem os = system.getOperatingSystem();
    private final List<NetworkIF> interfaces = system.getHardware().getNetworkIFs(true);
    private final Optional<CgroupFiles> cgroup = CgroupFiles.ofThisProcess();
    private final DiskStats disks = DiskStats.ofThisMachine();
    private final String host;
    private final int pid = (int) ProcessHandle.current().pid();
    private final Supplier<long[]> clientPids;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService timer;

    private final GaugeIntegral hostGauges = new GaugeIntegral();
    private final GaugeIntegral processGauges = new GaugeIntegral();
    // Guarded by this: the sampling thread and readers.
    private double samplingCpuSeconds;

    /** @param clientPids the processes outside this JVM that run its clients (agents), at any moment */
    private HostSampler(Supplier<long[]> clientPids) {
        this.clientPids = clientPids;
        this.host = os.getNetworkParams().getHostName();
        sample();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msgbench-os-profiler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling this machine; the first reading takes about 200 ms (OSHI's set-up). */
    public static HostSampler start(Supplier<long[]> clientPids) {
        return new HostSampler(clientPids);
    }

    /** Where the cgroup figures come from, or that there are none, for the log. */
    public String describe() {
        return "host " + host + ", " + cpu.getLogicalProcessorCount() + " CPUs, "
                + cgroup.map(CgroupFiles::describe).orElse("no cgroup files");
    }

    /** Whether this process's cgroup files are read (Linux with cgroup v1 or v2 mounted). */
    public boolean readsCgroup() {
        return cgroup.isPresent();
    }

    /** Everything so far: counters now, gauges integrated up to now. */
    public synchronized HostActivity reading() {
        sample();
        long spent = threads.getCurrentThreadCpuTime();
        Map<String, Double> totals = new TreeMap<>();
        Map<String, Double> levels = new TreeMap<>();
        long[] ticks = cpu.getSystemCpuLoadTicks();
        for (TickType t : TickType.values()) {
            totals.put("cpu." + t.name().toLowerCase(java.util.Locale.ROOT) + ".seconds", ticks[t.getIndex()] / 1e3);
        }
        totals.put("contextSwitches", (double) cpu.getContextSwitches());
        totals.put("interrupts", (double) cpu.getInterrupts());
        totals.put("swap.pagesIn", (double) memory.getVirtualMemory().getSwapPagesIn());
        totals.put("swap.pagesOut", (double) memory.getVirtualMemory().getSwapPagesOut());
        for (NetworkIF nif : interfaces) {
            if (nif.updateAttributes()) {
                totals.put("net." + nif.getName() + ".received.bytes", (double) nif.getBytesRecv());
                totals.put("net." + nif.getName() + ".sent.bytes", (double) nif.getBytesSent());
            }
        }
        disks.read(totals);
        cgroup.ifPresent(c -> c.read(totals, levels));
        levels.remove("cgroup.memory.bytes"); // integrated instead
        levels.put("cpus", (double) cpu.getLogicalProcessorCount());
        levels.put("memory.total.bytes", (double) memory.getTotal());
        levels.put("swap.total.bytes", (double) memory.getVirtualMemory().getSwapTotal());
        levels.putAll(hostGauges.last());
        long now = System.nanoTime();
        totals.putAll(hostGauges.upTo(now));
        Map<String, Double> processTotals = processGauges.upTo(now);
        samplingCpuSeconds += Math.max(0, threads.getCurrentThreadCpuTime() - spent) / 1e9;
        processTotals.put("profiler.cpu.seconds", samplingCpuSeconds);
        return new HostActivity(Map.of(host, new Readings(totals, levels)),
                new Readings(processTotals, processGauges.last()));
    }

    /** Samples the gauges and integrates them (trapezoids) since the last sample. */
    private synchronized void sample() {
        long start = threads.getCurrentThreadCpuTime();
        long now = System.nanoTime();
        Map<String, Double> hostNow = new HashMap<>();
        hostNow.put("load1", cpu.getSystemLoadAverage(1)[0]);
        hostNow.put("memory.used.bytes", (double) (memory.getTotal() - memory.getAvailable()));
        hostNow.put("swap.used.bytes", (double) memory.getVirtualMemory().getSwapUsed());
        cgroup.ifPresent(c -> {
            Map<String, Double> levels = new HashMap<>();
            c.read(new HashMap<>(), levels);
            if (levels.containsKey("cgroup.memory.bytes")) {
                hostNow.put("cgroup.memory.bytes", levels.get("cgroup.memory.bytes"));
            }
        });
        Map<String, Double> processesNow = new HashMap<>();
        OSProcess self = os.getProcess(pid);
        if (self != null) {
            processesNow.put("worker.rss.bytes", (double) self.getResidentSetSize());
            processesNow.put("worker.threads", (double) self.getThreadCount());
        }
        double rss = 0;
        double clientThreads = 0;
        long[] pids = clientPids.get();
        for (long p : pids) {
            OSProcess client = os.getProcess((int) p);
            if (client != null) {
                rss += client.getResidentSetSize();
                clientThreads += client.getThreadCount();
            }
        }
        if (pids.length > 0) {
            processesNow.put("clients.rss.bytes", rss);
            processesNow.put("clients.threads", clientThreads);
        }
        hostGauges.sample(hostNow, now);
        processGauges.sample(processesNow, now);
        samplingCpuSeconds += Math.max(0, threads.getCurrentThreadCpuTime() - start) / 1e9;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
