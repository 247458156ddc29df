package io.msgbench.scenario;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Timeout;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A class's msgbench annotations exactly as written, before any check. Both ways of reading them give
 * this one shape — javac's annotation proxies in the annotation processor, reflection in
 * {@link #of(Class)} — so {@link BenchmarkRules} and {@link #toDefinition()} exist once for both.
 * An absent annotation is {@code null}; {@code params} is empty when there is no {@code @Param}.
 *
 * @param className the binary name, e.g. {@code io.msgbench.benchmarks.LatencyTest} or {@code a.Outer$Inner}
 * @param params    the {@code @Param} annotations in declaration order
 */
public record BenchmarkDeclaration(String className, ClassShape shape, Workload workload, ProducerRate producerRate,
                                   List<Param> params, Warmup warmup, Measurement measurement, Fork fork,
                                   Timeout timeout) {
    /** The value of {@code @Warmup}, {@code @Measurement} and {@code @Fork} members that means "not set here". */
    public static final int NOT_SET = -1;

    /**
     * What the rules need to know about the class itself.
     *
     * @param isInner a nested class that is not static (it cannot exist without an enclosing instance)
     */
    public record ClassShape(boolean isPublic, boolean isAbstract, boolean isInner) {
    }

    public BenchmarkDeclaration {
        params = List.copyOf(params);
    }

    /** Reads a loaded class by reflection: for tests and tools; the runner uses generated classes. */
    public static BenchmarkDeclaration of(Class<?> type) {
        int m = type.getModifiers();
        ClassShape shape = new ClassShape(Modifier.isPublic(m), Modifier.isAbstract(m),
                type.getEnclosingClass() != null && !Modifier.isStatic(m));
        return new BenchmarkDeclaration(type.getName(), shape, type.getAnnotation(Workload.class),
                type.getAnnotation(ProducerRate.class), List.of(type.getAnnotationsByType(Param.class)),
                type.getAnnotation(Warmup.class), type.getAnnotation(Measurement.class), type.getAnnotation(Fork.class),
                type.getAnnotation(Timeout.class));
    }

    /** True when any msgbench annotation is present, i.e. the class means to be a benchmark. */
    public boolean isAnnotated() {
        return workload != null || producerRate != null || !params.isEmpty() || warmup != null
                || measurement != null || fork != null || timeout != null;
    }

    /** What {@link BenchmarkRules} finds wrong; empty for a valid benchmark. */
    public List<BenchmarkRules.Violation> violations() {
        return BenchmarkRules.check(this);
    }

    /**
     * The definition these annotations declare, settings left at "not set" as {@code null}.
     *
     * @throws IllegalArgumentException with {@code className: } and the first violation, if any
     */
    public BenchmarkDefinition toDefinition() {
        List<BenchmarkRules.Violation> violations = violations();
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(className + ": " + violations.get(0).message());
        }
        WorkloadSpec spec = new WorkloadSpec(workload.topics(), workload.partitionsPerTopic(), workload.messageSize(),
                workload.producersPerTopic(), workload.subscriptionsPerTopic(), workload.consumersPerSubscription(),
                producerRate.max() ? WorkloadSpec.MAX_RATE : producerRate.value(), workload.keyDistributor(),
                workload.useRandomizedPayloads(), workload.randomBytesRatio(), workload.randomizedPayloadPoolSize(),
                workload.consumerBacklogSizeGB(), workload.backlogDrainRatio(), workload.payloadFile());
        Map<String, List<String>> space = new LinkedHashMap<>();
        if (!producerRate.objective().isEmpty()) {
            space.put(ScenarioPlanner.OBJECTIVE, List.of(producerRate.objective()));
        }
        params.forEach(p -> space.put(p.name(), List.of(p.values())));
        IterationOverrides iterations = new IterationOverrides(
                warmup == null ? null : count(warmup.iterations()),
                warmup == null ? null : time(warmup.time(), warmup.timeUnit()),
                measurement == null ? null : count(measurement.iterations()),
                measurement == null ? null : time(measurement.time(), measurement.timeUnit()),
                fork == null ? null : count(fork.value()),
                timeout == null ? null : time(timeout.time(), timeout.timeUnit()));
        ForkJvmArgs jvmArgs = fork == null ? ForkJvmArgs.NONE
                : new ForkJvmArgs(given(fork.jvmArgsPrepend()), given(fork.jvmArgs()), given(fork.jvmArgsAppend()));
        return new BenchmarkDefinition(className, spec, space, iterations, jvmArgs);
    }

    /** An empty array in {@code @Fork} means "not set here", so the next source of JVM arguments applies. */
    private static List<String> given(String[] args) {
        return args.length == 0 ? null : List.of(args);
    }

    private static Integer count(int value) {
        return value == NOT_SET ? null : value;
    }

    private static Duration time(long amount, TimeUnit unit) {
        return amount == NOT_SET ? null : Duration.ofNanos(unit.toNanos(amount));
    }
}
