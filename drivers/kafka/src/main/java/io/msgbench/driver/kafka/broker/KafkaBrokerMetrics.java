package io.msgbench.driver.kafka.broker;

import io.msgbench.broker.BrokerMetrics;
import io.msgbench.metrics.Readings;
import io.msgbench.profile.JmxConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.ObjectName;

/**
 * The {@code broker} profiler for the embedded Kafka brokers: their JVMs' management beans over JMX (attached by process
 * id), summed over the nodes. Kafka's Yammer meters and histograms are read as running totals ({@code Count}, and
 * {@code Mean × Count} for times), so a window's rate or mean is a difference: their own one-minute rates and
 * decaying-reservoir percentiles are far too slow for a 10-s period.
 */
final class KafkaBrokerMetrics implements BrokerMetrics {
    private static final String TOPICS = "kafka.server:type=BrokerTopicMetrics,name=";
    private static final String REQUESTS = "kafka.network:type=RequestMetrics,name=";

    private final List<JmxConnection> nodes;
    private final String description;

    private KafkaBrokerMetrics(List<JmxConnection> nodes, String description) {
        this.nodes = nodes;
        this.description = description;
    }

    /** Attaches to the brokers' JVMs (same user, this machine). */
    static KafkaBrokerMetrics attach(List<Long> pids) {
        List<JmxConnection> opened = new ArrayList<>();
        try {
            for (long pid : pids) {
                opened.add(JmxConnection.attach(pid));
            }
        } catch (RuntimeException e) {
            opened.forEach(JmxConnection::close);
            throw e;
        }
        return new KafkaBrokerMetrics(opened, "JMX of the embedded broker JVM" + (pids.size() > 1 ? "s " : " ") + pids);
    }

    @Override
    public Readings read() {
        Readings all = Readings.NONE;
        for (JmxConnection node : nodes) {
            all = all.plus(read(node));
        }
        return all;
    }

    private static Readings read(JmxConnection jmx) {
        Map<String, Double> totals = new TreeMap<>();
        Map<String, Double> levels = new TreeMap<>();
        jmx.readJvm(totals, levels);
        levels.put("nodes", 1.0);
        count(jmx, TOPICS + "MessagesInPerSec", "messages.in", totals);
        count(jmx, TOPICS + "BytesInPerSec", "bytes.in", totals);
        count(jmx, TOPICS + "BytesOutPerSec", "bytes.out", totals);
        // A meter of idle nanoseconds, each handler marking its idle time divided by the pool's size.
        Double idle = jmx.numbers("kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent",
                "Count").get("Count");
        if (idle != null) {
            totals.put("handler.idle.seconds", idle / 1e9);
        }
        double networkIdle = 0;
        int processors = 0;
        for (ObjectName processor : jmx.names("kafka.server:type=socket-server-metrics,listener=*,networkProcessor=*")) {
            Double wait = jmx.numbers(processor, "io-wait-time-ns-total").get("io-wait-time-ns-total");
            if (wait != null) {
                networkIdle += wait / 1e9;
                processors++;
            }
        }
        if (processors > 0) {
            totals.put("network.idle.seconds", networkIdle);
            levels.put("network.threads", (double) processors);
        }
        times(jmx, "Produce", "produce", totals);
        times(jmx, "FetchConsumer", "fetch", totals);
        Map<String, Double> flush = jmx.numbers("kafka.log:type=LogFlushStats,name=LogFlushRateAndTimeMs",
                "Count", "Mean");
        if (flush.containsKey("Count")) {
            totals.put("flush.count", flush.get("Count"));
            totals.put("flush.ms.sum", flush.get("Count") * flush.getOrDefault("Mean", 0.0));
        }
        level(jmx, "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", "partitions.underReplicated",
                levels);
        level(jmx, "kafka.network:type=RequestChannel,name=RequestQueueSize", "requests.queued", levels);
        return new Readings(totals, levels);
    }

    /** A request's count and its total, queue and local times summed ({@code Mean × Count}: Mean is all-time). */
    private static void times(JmxConnection jmx, String request, String name, Map<String, Double> totals) {
        Map<String, Double> total = jmx.numbers(REQUESTS + "TotalTimeMs,request=" + request, "Count", "Mean");
        if (!total.containsKey("Count")) {
            return;
        }
        totals.put(name + ".count", total.get("Count"));
        totals.put(name + ".total.ms.sum", total.get("Count") * total.getOrDefault("Mean", 0.0));
        for (String[] part : new String[][] {{"RequestQueueTimeMs", "queue"}, {"LocalTimeMs", "local"}}) {
            Map<String, Double> v = jmx.numbers(REQUESTS + part[0] + ",request=" + request, "Count", "Mean");
            if (v.containsKey("Count")) {
                totals.put(name + "." + part[1] + ".ms.sum", v.get("Count") * v.getOrDefault("Mean", 0.0));
            }
        }
    }

    private static void count(JmxConnection jmx, String bean, String name, Map<String, Double> totals) {
        Double c = jmx.numbers(bean, "Count").get("Count");
        if (c != null) {
            totals.put(name, c);
        }
    }

    private static void level(JmxConnection jmx, String bean, String name, Map<String, Double> levels) {
        Double v = jmx.numbers(bean, "Value").get("Value");
        if (v != null) {
            levels.put(name, v);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        nodes.forEach(JmxConnection::close);
    }
}
