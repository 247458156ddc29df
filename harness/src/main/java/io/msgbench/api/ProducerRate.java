package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The target publish rate in messages per second, summed over all producers of the scenario.
 *
 * <p>The schedule is open-loop: message i of a producer is due at a fixed time computed from i, and a
 * late message is sent as soon as possible with its lateness recorded, never skipped. Fractional rates
 * are allowed. Every benchmark needs this annotation. {@code max = true} asks for the maximum-rate
 * search instead: the highest rate at which the schedule is kept and no backlog builds (and, with an
 * {@link #objective()}, the latency objective holds); the search replaces the warmup and the measurement
 * iterations then hold the rate found.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProducerRate {
    /** Messages per second over all producers: positive and finite unless {@link #max()} is set. */
    double value() default 0;

    /** Search the maximum sustainable rate instead of holding a fixed one. */
    boolean max() default false;

    /**
     * With {@code max = true}: a latency objective the rate found must meet, {@code [metric.]p<percentile><<limit>}
     * such as {@code p99<50ms} or {@code publishLatency.p99.9<10ms} (the metric defaults to the primary
     * latency). The same as {@code -p objective=...}, which overrides it.
     */
    String objective() default "";
}
