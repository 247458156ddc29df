package io.msgbench.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The traffic of a scenario, with OpenMessaging Benchmark's field names. Immutable; {@link #with}
 * returns a copy with one field replaced by a parameter value.
 *
 * @param producerRate messages per second over all producers; {@link #MAX_RATE} (0, as OMB's
 *                     {@code producerRate: 0}) asks for the maximum-rate search
 */
public record WorkloadSpec(int topics, int partitionsPerTopic, int messageSize, int producersPerTopic,
                           int subscriptionsPerTopic, int consumersPerSubscription, double producerRate) {

    /** The rate that means "search the maximum sustainable rate". */
    public static final double MAX_RATE = 0;

    /** Field names a parameter can override, and OMB's spellings of them. */
    private static final Map<String, String> ALIASES = Map.of("consumerPerSubscription", "consumersPerSubscription");
    public static final List<String> FIELDS = List.of("topics", "partitionsPerTopic", "messageSize",
            "producersPerTopic", "subscriptionsPerTopic", "consumersPerSubscription", "producerRate");

    public WorkloadSpec {
        BenchmarkRules.requireNone(BenchmarkRules.workload(topics, partitionsPerTopic, messageSize, producersPerTopic,
                subscriptionsPerTopic, consumersPerSubscription, producerRate));
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

    /** True when the rate is to be searched rather than held. */
    public boolean isMaxRate() {
        return producerRate == MAX_RATE;
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
