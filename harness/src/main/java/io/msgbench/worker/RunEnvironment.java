package io.msgbench.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM and host a worker runs in, in JMH's terms where JMH has them.
 *
 * @param memoryBytes the host's physical memory (0 when the JVM cannot tell)
 */
public record RunEnvironment(String harnessVersion, String jvm, List<String> jvmArgs, String jdkVersion,
                             String vmName, String vmVersion, String host, String os, int cpus, long maxHeapBytes,
                             long memoryBytes) {
    public RunEnvironment {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** msgbench's version, from the jar's manifest ({@code dev} when run from classes). */
    public static String currentHarnessVersion() {
        String version = RunEnvironment.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** This JVM. */
    public static RunEnvironment current() {
        return new RunEnvironment(currentHarnessVersion(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), hostName(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), physicalMemory());
    }

    private static long physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
