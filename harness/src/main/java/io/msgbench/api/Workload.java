package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of the traffic, with OpenMessaging Benchmark's field names and meanings.
 *
 * <p>Every producer writes to one topic; every subscription of a topic receives every message once,
 * shared among its consumers. Messages carry a 32-byte stamp, so {@link #messageSize()} must be at
 * least 32. A benchmark class without {@code @Workload} is not a benchmark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Workload {
    /** Number of topics, each created fresh for the scenario and deleted afterwards. Default 1. */
    int topics() default 1;

    /** Partitions of each topic. Default 1. */
    int partitionsPerTopic() default 1;

    /** Bytes on the wire per message value, stamp included. Default 1024. */
    int messageSize() default 1024;

    /** Producers writing to each topic; the rate is split evenly among all producers. Default 1. */
    int producersPerTopic() default 1;

    /** Independent subscriptions (consumer groups) of each topic; 0 measures publishing only. Default 1. */
    int subscriptionsPerTopic() default 1;

    /** Consumers sharing each subscription. Default 1. */
    int consumersPerSubscription() default 1;
}
