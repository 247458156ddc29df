package io.msgbench.profile;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to another JVM on this machine, found by its process id through the Attach API (its local management
 * agent, loopback only, started on demand: the JVM needs no flags), for the {@code broker} profiler. Reads take one
 * round trip per bean.
 */
public final class JmxConnection implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private JmxConnection(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    /**
     * Connects to the JVM of process {@code pid} (same user).
     *
     * @throws IllegalStateException with one line when it cannot
     */
    public static JmxConnection attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new JmxConnection(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("cannot attach to JVM " + pid + " for its management beans: " + e, e);
        }
    }

    /** The names matching {@code pattern} (empty when none or unreadable). */
    public Set<ObjectName> names(String pattern) {
        try {
            return server.queryNames(new ObjectName(pattern), null);
        } catch (IOException | MalformedObjectNameException e) {
            return Set.of();
        }
    }

    /**
     * The numeric attributes of bean {@code name} (a composite's field as {@code Attribute.field}); missing ones left
     * out.
     */
    public Map<String, Double> numbers(ObjectName name, String... attributes) {
        Map<String, Double> values = new LinkedHashMap<>();
        String[] plain = new String[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            plain[i] = attributes[i].contains(".") ? attributes[i].substring(0, attributes[i].indexOf('.'))
                    : attributes[i];
        }
        try {
            for (Attribute a : server.getAttributes(name, plain).asList()) {
                for (String wanted : attributes) {
                    Object v = a.getValue();
                    if (wanted.equals(a.getName()) && v instanceof Number n) {
                        values.put(wanted, n.doubleValue());
                    } else if (wanted.startsWith(a.getName() + ".") && v instanceof CompositeData c
                            && c.get(wanted.substring(a.getName().length() + 1)) instanceof Number n) {
                        values.put(wanted, n.doubleValue());
                    }
                }
            }
        } catch (Exception e) {
            // a bean the broker does not have (yet): nothing
        }
        return values;
    }

    /** {@link #numbers} of one bean by name. */
    public Map<String, Double> numbers(String name, String... attributes) {
        try {
            return numbers(new ObjectName(name), attributes);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The JVM's own figures, any JVM: {@code process.cpu.seconds}, {@code gc.seconds} and {@code gc.count} (every
     * collector) into {@code totals}; {@code heap.used.bytes} and {@code threads} into {@code levels}.
     */
    public void readJvm(Map<String, Double> totals, Map<String, Double> levels) {
        Double cpu = numbers("java.lang:type=OperatingSystem", "ProcessCpuTime").get("ProcessCpuTime");
        if (cpu != null) {
            totals.put("process.cpu.seconds", cpu / 1e9);
        }
        double gcMillis = 0;
        double gcCount = 0;
        for (ObjectName gc : names("java.lang:type=GarbageCollector,name=*")) {
            Map<String, Double> v = numbers(gc, "CollectionTime", "CollectionCount");
            gcMillis += Math.max(0, v.getOrDefault("CollectionTime", 0.0));
            gcCount += Math.max(0, v.getOrDefault("CollectionCount", 0.0));
        }
        totals.put("gc.seconds", gcMillis / 1e3);
        totals.put("gc.count", gcCount);
        Double heap = numbers("java.lang:type=Memory", "HeapMemoryUsage.used").get("HeapMemoryUsage.used");
        if (heap != null) {
            levels.put("heap.used.bytes", heap);
        }
        Double threads = numbers("java.lang:type=Threading", "ThreadCount").get("ThreadCount");
        if (threads != null) {
            levels.put("threads", threads);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // gone already
        }
    }
}
