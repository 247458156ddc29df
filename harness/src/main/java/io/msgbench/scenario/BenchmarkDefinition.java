package io.msgbench.scenario;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark as its annotations declare it: the workload, the rate, the declared parameter space in
 * declaration order, and the iteration settings the annotations give (the rest comes from defaults).
 * Read by reflection for now; the annotation processor will generate these at compile time.
 */
public record BenchmarkDefinition(String className, WorkloadSpec workload, Map<String, List<String>> params,
                                  IterationOverrides iterations) {
    public BenchmarkDefinition {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The short name, e.g. {@code LatencyTest}. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Reads a benchmark class's annotations; one error line for a class that is not a valid benchmark. */
    public static BenchmarkDefinition of(Class<?> type) {
        String name = type.getName();
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(name + ": a benchmark class must be public and not abstract");
        }
        Workload w = type.getAnnotation(Workload.class);
        if (w == null) {
            throw new IllegalArgumentException(name + ": a benchmark class needs @Workload");
        }
        ProducerRate rate = type.getAnnotation(ProducerRate.class);
        if (rate == null) {
            throw new IllegalArgumentException(name + ": a benchmark class needs @ProducerRate");
        }
        if (rate.max()) {
            throw new IllegalArgumentException(name + ": @ProducerRate(max = true) (the maximum-rate search) is not yet supported");
        }
        WorkloadSpec workload;
        try {
            workload = new WorkloadSpec(w.topics(), w.partitionsPerTopic(), w.messageSize(), w.producersPerTopic(),
                    w.subscriptionsPerTopic(), w.consumersPerSubscription(), rate.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Param p : type.getAnnotationsByType(Param.class)) {
            if (p.values().length == 0) {
                throw new IllegalArgumentException(name + ": @Param " + p.name() + " has no values");
            }
            if (params.put(p.name(), List.of(p.values())) != null) {
                throw new IllegalArgumentException(name + ": @Param " + p.name() + " is declared twice");
            }
        }
        Warmup warmup = type.getAnnotation(Warmup.class);
        Measurement measurement = type.getAnnotation(Measurement.class);
        Fork fork = type.getAnnotation(Fork.class);
        IterationOverrides iterations = new IterationOverrides(
                warmup != null && warmup.iterations() >= 0 ? warmup.iterations() : null,
                warmup != null && warmup.time() > 0 ? duration(warmup.time(), warmup.timeUnit()) : null,
                measurement != null && measurement.iterations() >= 0 ? measurement.iterations() : null,
                measurement != null && measurement.time() > 0 ? duration(measurement.time(), measurement.timeUnit()) : null,
                fork != null && fork.value() >= 0 ? fork.value() : null);
        return new BenchmarkDefinition(name, workload, params, iterations);
    }

    private static Duration duration(long amount, TimeUnit unit) {
        return Duration.ofNanos(unit.toNanos(amount));
    }
}
