package io.msgbench.driver.kafka;

import io.msgbench.metrics.Readings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The {@code client} profiler's reading of Kafka's clients: their client-level metrics under the harness's
 * system-neutral names (see {@link io.msgbench.driver.MessagingDriver#clientMetrics}), added up over clients.
 * {@code metrics()} is a read of the clients' registries, safe beside their own threads (0.05 ms per sweep).
 */
final class KafkaClientMetrics {
    /** Kafka's producer metric → total (nanoseconds become seconds). */
    private static final Map<String, String> PRODUCER_TOTALS = Map.of("record-send-total", "producer.records.sent",
            "record-error-total", "producer.records.errors", "record-retry-total", "producer.records.retries",
            "request-total", "producer.requests", "bufferpool-wait-time-ns-total", "producer.bufferpool.wait.seconds",
            "io-wait-time-ns-total", "producer.io.wait.seconds");
    private static final Map<String, String> PRODUCER_LEVELS = Map.of("record-queue-time-avg", "producer.queue.time.ms",
            "request-latency-avg", "producer.request.latency.ms", "batch-size-avg", "producer.batch.bytes",
            "records-per-request-avg", "producer.records.per.request");
    private static final Map<String, String> CONSUMER_TOTALS = Map.of("records-consumed-total", "consumer.records",
            "fetch-total", "consumer.fetches");
    private static final Map<String, String> CONSUMER_LEVELS = Map.of("fetch-latency-avg", "consumer.fetch.latency.ms",
            "records-lag-max", "consumer.lag.max", "poll-idle-ratio-avg", "consumer.poll.idle.ratio");

    private KafkaClientMetrics() {
    }

    static Readings of(List<? extends Producer<?, ?>> producers, List<? extends Consumer<?, ?>> consumers) {
        Map<String, Double> totals = new TreeMap<>();
        Map<String, Double> levels = new TreeMap<>();
        for (Producer<?, ?> p : producers) {
            read(p.metrics(), "producer-metrics", PRODUCER_TOTALS, PRODUCER_LEVELS, totals, levels);
            levels.merge("producers", 1.0, Double::sum);
        }
        for (Consumer<?, ?> c : consumers) {
            Map<MetricName, ? extends Metric> metrics = c.metrics();
            read(metrics, "consumer-fetch-manager-metrics", CONSUMER_TOTALS, CONSUMER_LEVELS, totals, levels);
            read(metrics, "consumer-metrics", Map.of(), CONSUMER_LEVELS, totals, levels);
            levels.merge("consumers", 1.0, Double::sum);
        }
        return new Readings(totals, levels);
    }

    /** The client-level metrics (tagged with the client id alone) of {@code group}. */
    private static void read(Map<MetricName, ? extends Metric> metrics, String group, Map<String, String> totalNames,
                             Map<String, String> levelNames, Map<String, Double> totals, Map<String, Double> levels) {
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName name = e.getKey();
            if (!name.group().equals(group) || name.tags().size() != 1
                    || !(e.getValue().metricValue() instanceof Double value) || !Double.isFinite(value)) {
                continue;
            }
            String total = totalNames.get(name.name());
            if (total != null) {
                totals.merge(total, name.name().endsWith("-ns-total") ? value / 1e9 : value, Double::sum);
            }
            String level = levelNames.get(name.name());
            if (level != null) {
                levels.merge(level, value, Double::sum);
            }
        }
    }
}
