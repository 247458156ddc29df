package io.msgbench.scenario;

import io.msgbench.api.KeyDistributor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The traffic of a scenario, with OpenMessaging Benchmark's field names and meanings (see {@link
 * io.msgbench.api.Workload}). Immutable; {@link #with} returns a copy with one field replaced by a
 * parameter value.
 *
 * @param producerRate messages per second over all producers; {@link #MAX_RATE} (0, as OMB's
 *                     {@code producerRate: 0}) asks for the maximum-rate search
 * @param payloadFile  a file whose bytes are the message content (its size must be messageSize; the
 *                     stamp takes the first 32 bytes), or "" for msgbench's own content
 */
public record WorkloadSpec(int topics, int partitionsPerTopic, int messageSize, int producersPerTopic,
                           int subscriptionsPerTopic, int consumersPerSubscription, double producerRate,
                           KeyDistributor keyDistributor, boolean useRandomizedPayloads, double randomBytesRatio,
                           int randomizedPayloadPoolSize, double consumerBacklogSizeGB, double backlogDrainRatio,
                           String payloadFile) {

    /** The rate that means "search the maximum sustainable rate". */
    public static final double MAX_RATE = 0;
    /** The message content of OMB's defaults: no key, one payload. */
    public static final boolean DEFAULT_RANDOMIZED = false;
    public static final double DEFAULT_RANDOM_BYTES_RATIO = 0.0;
    public static final int DEFAULT_POOL_SIZE = 1000;
    public static final double DEFAULT_DRAIN_RATIO = 1.0;

    /** Field names a parameter can override, and OMB's spellings of them. */
    private static final Map<String, String> ALIASES = Map.of("consumerPerSubscription", "consumersPerSubscription");
    private static final RecordComponent[] COMPONENTS = WorkloadSpec.class.getRecordComponents();
    /** The field names, in declaration order: the record's components, so the list cannot drift from them. */
    public static final List<String> FIELDS = Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();

    public WorkloadSpec {
        payloadFile = payloadFile == null ? "" : payloadFile;
        BenchmarkRules.requireNone(BenchmarkRules.workload(topics, partitionsPerTopic, messageSize, producersPerTopic,
                subscriptionsPerTopic, consumersPerSubscription, producerRate));
        BenchmarkRules.requireNone(BenchmarkRules.content(keyDistributor, useRandomizedPayloads, randomBytesRatio,
                randomizedPayloadPoolSize, consumerBacklogSizeGB, backlogDrainRatio));
    }

    /** A workload with OMB's default message content (no key, one payload) and no backlog test. */
    public WorkloadSpec(int topics, int partitionsPerTopic, int messageSize, int producersPerTopic,
                        int subscriptionsPerTopic, int consumersPerSubscription, double producerRate) {
        this(topics, partitionsPerTopic, messageSize, producersPerTopic, subscriptionsPerTopic, consumersPerSubscription,
                producerRate, KeyDistributor.NO_KEY, DEFAULT_RANDOMIZED, DEFAULT_RANDOM_BYTES_RATIO, DEFAULT_POOL_SIZE,
                0, DEFAULT_DRAIN_RATIO, "");
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
        Map<String, Object> fields = asMap();
        String field = canonical(name);
        if (!fields.containsKey(field)) {
            throw new IllegalArgumentException("not a workload field: " + name);
        }
        try {
            fields.put(field, parse(fields.get(field), value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter " + name + "=" + value + " is not a number");
        }
        return fromMap(fields);
    }

    /** {@code value} parsed as the same type as {@code current}. */
    private static Object parse(Object current, String value) {
        if (current instanceof Integer) {
            return Integer.parseInt(value);
        }
        if (current instanceof Long) {
            return Long.parseLong(value);
        }
        if (current instanceof Double) {
            return Double.parseDouble(value);
        }
        if (current instanceof String) {
            return value;
        }
        if (current instanceof Boolean) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("'" + value + "' is not a boolean (true or false)");
            }
            return Boolean.parseBoolean(value);
        }
        try {
            return KeyDistributor.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a key distributor ("
                    + java.util.Arrays.toString(KeyDistributor.values()) + ")");
        }
    }

    /** The canonical constructor with the values in {@link #FIELDS} order; its checks throw as they are. */
    private static WorkloadSpec fromMap(Map<String, Object> fields) {
        try {
            Class<?>[] types = Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return WorkloadSpec.class.getDeclaredConstructor(types).newInstance(fields.values().toArray());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("WorkloadSpec's canonical constructor is not reachable", e);
        }
    }

    /** True when the rate is to be searched rather than held. */
    public boolean isMaxRate() {
        return producerRate == MAX_RATE;
    }

    /** True when this is a backlog test (consumers paused until a backlog is built). */
    public boolean isBacklogTest() {
        return consumerBacklogSizeGB > 0;
    }

    /** The backlog a backlog test builds, in messages over all subscriptions (GiB = 2^30 bytes). */
    public long backlogMessages() {
        return (long) Math.ceil(consumerBacklogSizeGB * (1L << 30) / messageSize);
    }

    /** The backlog at or below which it counts as drained: max(1,000, (1 − backlogDrainRatio) × backlog), as OMB. */
    public long drainedBacklogMessages() {
        return Math.max(1_000, (long) ((1 - backlogDrainRatio) * backlogMessages()));
    }

    public int producers() {
        return topics * producersPerTopic;
    }

    public int consumers() {
        return topics * subscriptionsPerTopic * consumersPerSubscription;
    }

    /** The fields in {@link #FIELDS} order (a new, mutable map), for the result file and {@link #with}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            for (RecordComponent c : COMPONENTS) {
                m.put(c.getName(), c.getAccessor().invoke(this));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("WorkloadSpec's accessors are not reachable", e);
        }
        return m;
    }
}
