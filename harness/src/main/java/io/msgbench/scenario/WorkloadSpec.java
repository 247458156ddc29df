package io.msgbench.scenario;

import io.msgbench.load.PayloadStamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The traffic of a scenario, with OpenMessaging Benchmark's field names. Immutable; {@link #with}
 * returns a copy with one field replaced by a parameter value.
 *
 * @param producerRate messages per second over all producers
 */
public record WorkloadSpec(int topics, int partitionsPerTopic, int messageSize, int producersPerTopic,
                           int subscriptionsPerTopic, int consumersPerSubscription, double producerRate) {

    /** Field names a parameter can override, and OMB's spellings of them. */
    private static final Map<String, String> ALIASES = Map.of("consumerPerSubscription", "consumersPerSubscription");
    public static final List<String> FIELDS = List.of("topics", "partitionsPerTopic", "messageSize",
            "producersPerTopic", "subscriptionsPerTopic", "consumersPerSubscription", "producerRate");

    public WorkloadSpec {
        requireAtLeast("topics", topics, 1);
        requireAtLeast("partitionsPerTopic", partitionsPerTopic, 1);
        requireAtLeast("producersPerTopic", producersPerTopic, 1);
        requireAtLeast("subscriptionsPerTopic", subscriptionsPerTopic, 0);
        requireAtLeast("consumersPerSubscription", consumersPerSubscription, 1);
        if (messageSize < PayloadStamp.SIZE) {
            throw new IllegalArgumentException("messageSize " + messageSize + " is smaller than the "
                    + PayloadStamp.SIZE + "-byte stamp every message carries");
        }
        if (!(producerRate > 0) || Double.isInfinite(producerRate)) {
            throw new IllegalArgumentException("producerRate must be a positive number of messages per second, was "
                    + producerRate);
        }
    }

    private static void requireAtLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
        }
    }

    /** True when {@code name} (or its OMB alias) is a workload field. */
    public static boolean isField(String name) {
        return FIELDS.contains(canonical(name));
    }

    private static String canonical(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /** A copy with the field {@code name} set from its text form. */
    public WorkloadSpec with(String name, String value) {
        String field = canonical(name);
        try {
            return switch (field) {
                case "topics" -> new WorkloadSpec(Integer.parseInt(value), partitionsPerTopic, messageSize,
                        producersPerTopic, subscriptionsPerTopic, consumersPerSubscription, producerRate);
                case "partitionsPerTopic" -> new WorkloadSpec(topics, Integer.parseInt(value), messageSize,
                        producersPerTopic, subscriptionsPerTopic, consumersPerSubscription, producerRate);
                case "messageSize" -> new WorkloadSpec(topics, partitionsPerTopic, Integer.parseInt(value),
                        producersPerTopic, subscriptionsPerTopic, consumersPerSubscription, producerRate);
                case "producersPerTopic" -> new WorkloadSpec(topics, partitionsPerTopic, messageSize,
                        Integer.parseInt(value), subscriptionsPerTopic, consumersPerSubscription, producerRate);
                case "subscriptionsPerTopic" -> new WorkloadSpec(topics, partitionsPerTopic, messageSize,
                        producersPerTopic, Integer.parseInt(value), consumersPerSubscription, producerRate);
                case "consumersPerSubscription" -> new WorkloadSpec(topics, partitionsPerTopic, messageSize,
                        producersPerTopic, subscriptionsPerTopic, Integer.parseInt(value), producerRate);
                case "producerRate" -> new WorkloadSpec(topics, partitionsPerTopic, messageSize,
                        producersPerTopic, subscriptionsPerTopic, consumersPerSubscription, Double.parseDouble(value));
                default -> throw new IllegalArgumentException("not a workload field: " + name);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter " + name + "=" + value + " is not a number");
        }
    }

    public int producers() {
        return topics * producersPerTopic;
    }

    public int consumers() {
        return topics * subscriptionsPerTopic * consumersPerSubscription;
    }

    /** The fields in a stable order, for the result file. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topics", topics);
        m.put("partitionsPerTopic", partitionsPerTopic);
        m.put("messageSize", messageSize);
        m.put("producersPerTopic", producersPerTopic);
        m.put("subscriptionsPerTopic", subscriptionsPerTopic);
        m.put("consumersPerSubscription", consumersPerSubscription);
        m.put("producerRate", producerRate);
        return m;
    }
}
