package io.msgbench.worker.http;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.worker.PhaseStats;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The JSON bodies of the worker API that are not already {@link io.msgbench.worker.Worker} records.
 * Durations travel as milliseconds, times as epoch nanoseconds.
 */
public final class WorkerMessages {
    private WorkerMessages() {
    }

    record Topics(List<String> topics, int partitions) {
    }

    record Consumers(List<ConsumerSpec> consumers, long timeoutMillis) {
    }

    record Producers(List<ProducerSpec> producers, MessageSpec messages, double expectedRate) {
    }

    record Timeout(long timeoutMillis) {
    }

    record Load(double ratePerSecond, int senderThreads) {
    }

    record Rate(double ratePerSecond, io.msgbench.worker.Worker.OwedMessages owed) {
    }

    record Phase(int phase) {
    }

    /** A number of messages. */
    record Count(long count) {
    }

    /** A single time or duration answer, nanoseconds. */
    record Nanos(long nanos) {
    }

    record Error(String error) {
    }

    /** What a worker says before a session: its protocol, its version, the coordinator it serves (or null). */
    public record Hello(int protocol, String harnessVersion, String busyWith) {
    }

    /** A coordinator opening a session: a name for it, shown to a second coordinator that is refused. */
    record Open(String coordinator) {
    }

    record Opened(String session) {
    }

    /** Nanoseconds to add to received messages' send times, by producer id. */
    record Corrections(Map<Integer, Long> nanosByProducer) {
    }

    /** {@link PhaseStats} with its histograms encoded. */
    record PhaseStatsMessage(int phase, long startEpochNanos, long endEpochNanos, long scheduleDebt, long backlog, long messagesSent,
                             long publishErrors, long messagesReceived, long receivedInWindow, long negativeLatencies,
                             long messagesLost, long messagesDuplicated, long messagesOutOfOrder,
                             Map<String, String> histograms, long takenEpochNanos, ProcessCpu cpu,
                             long longestStallNanos) {

        static PhaseStatsMessage of(PhaseStats stats) {
            PhaseSnapshot s = stats.snapshot();
            Map<String, String> encoded = new LinkedHashMap<>();
            s.histograms().forEach((metric, h) -> encoded.put(metric.resultName(), HistogramCodec.encode(h)));
            return new PhaseStatsMessage(stats.phase(), stats.startEpochNanos(), stats.endEpochNanos(),
                    stats.scheduleDebt(), stats.backlog(), s.messagesSent(), s.publishErrors(), s.messagesReceived(),
                    s.receivedInWindow(), s.negativeLatencies(), s.messagesLost(), s.messagesDuplicated(),
                    s.messagesOutOfOrder(), encoded, stats.takenEpochNanos(), stats.cpu(), s.longestStallNanos());
        }

        PhaseStats toStats() {
            Map<LatencyMetric, Histogram> decoded = new EnumMap<>(LatencyMetric.class);
            histograms.forEach((name, h) -> decoded.put(LatencyMetric.byResultName(name), HistogramCodec.decode(h)));
            return new PhaseStats(phase, startEpochNanos, endEpochNanos, scheduleDebt, backlog, new PhaseSnapshot(phase,
                    messagesSent, publishErrors, messagesReceived, receivedInWindow, negativeLatencies, messagesLost,
                    messagesDuplicated, messagesOutOfOrder, decoded, longestStallNanos), takenEpochNanos,
                    cpu == null ? ProcessCpu.NONE : cpu);
        }
    }
}
