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

    /** How messages are keyed. Default {@link KeyDistributor#NO_KEY}. */
    KeyDistributor keyDistributor() default KeyDistributor.NO_KEY;

    /**
     * Send from a pool of {@link #randomizedPayloadPoolSize()} different payloads, picked at random for each
     * message, instead of one payload of random bytes. Default false.
     */
    boolean useRandomizedPayloads() default false;

    /**
     * With randomized payloads: the share of each payload that is random bytes (the rest is zeros), from 0 to
     * 1, which sets how well messages compress. Default 0 (as OMB).
     */
    double randomBytesRatio() default 0.0;

    /** With randomized payloads: how many different payloads, at least 1. Default 1000. */
    int randomizedPayloadPoolSize() default 1000;

    /**
     * Above 0: a backlog test, as OMB runs it. After the warmup the consumers pause while the producers
     * go on at the rate until this many GiB (2^30 bytes, subscriptions × messages × messageSize) wait
     * for them; then they resume, the producers still going on, and the measurement records how long the
     * backlog takes to drain and how fast. Fractions (0.01 = 10 MiB) are for short trial runs; OMB's files
     * have whole numbers. Default 0 (no backlog test).
     */
    double consumerBacklogSizeGB() default 0;

    /**
     * With a backlog test: the share of the backlog that must drain before the test may end, in (0, 1]:
     * drained means at most max(1,000, (1 − ratio) × backlog) messages left, as in OMB. Default 1.0.
     */
    double backlogDrainRatio() default 1.0;

    /**
     * A file whose bytes are the message content, as OMB's {@code payloadFile} (relative to the working
     * directory); its size must be {@link #messageSize()}. The first 32 bytes carry msgbench's stamp.
     * Default: none (zeros, or the randomized pool).
     */
    String payloadFile() default "";
}
