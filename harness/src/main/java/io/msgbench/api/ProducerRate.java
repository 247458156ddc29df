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
 * search, which is not supported yet: for now it is a compile error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProducerRate {
    /** Messages per second over all producers: positive and finite unless {@link #max()} is set. */
    double value() default 0;

    /** Search the maximum sustainable rate instead of holding a fixed one. */
    boolean max() default false;
}
