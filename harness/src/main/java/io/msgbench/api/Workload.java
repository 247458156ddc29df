package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of the traffic, with OpenMessaging Benchmark's field names and meanings. This annotation
 * makes a class a benchmark.
 *
 * <p>Every producer writes to one topic; every subscription of a topic receives every message once,
 * shared among its consumers. Messages carry a 32-byte stamp, so {@link #messageSize()} must be at
 * least 32.
 *
 * <p>msgbench's annotation processor (in msgbench-harness, found on the compiler's classpath) checks
 * benchmarks when they compile: a benchmark class must be public, concrete, and top-level or a static
 * nested class, and needs {@link ProducerRate}; the other msgbench annotations on a class without
 * {@code @Workload} are an error; every value outside its documented range is an error at that value.
 * For each benchmark it generates {@code <Class>_MsgbenchBenchmark} (nested classes flattened, e.g.
 * {@code Outer_Inner_MsgbenchBenchmark}) and lists it in {@code META-INF/msgbench/BenchmarkList}, which
 * the runner reads; nothing is read by reflection at run time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Workload {
    /** Number of topics, at least 1, each created fresh for the scenario and deleted afterwards. Default 1. */
    int topics() default 1;

    /** Partitions of each topic, at least 1. Default 1. */
    int partitionsPerTopic() default 1;

    /** Bytes on the wire per message value, stamp included: at least 32. Default 1024. */
    int messageSize() default 1024;

    /** Producers writing to each topic, at least 1; the rate is split evenly among all producers. Default 1. */
    int producersPerTopic() default 1;

    /** Independent subscriptions (consumer groups) of each topic, at least 0; 0 measures publishing only. Default 1. */
    int subscriptionsPerTopic() default 1;

    /** Consumers sharing each subscription, at least 1. Default 1. */
    int consumersPerSubscription() default 1;
}
