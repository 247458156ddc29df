package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * Warmup iterations: the full load runs but nothing is counted in the score. A member left at its
 * default -1 is "not set here", so the next level of precedence (environment, defaults) applies; any
 * other value outside the documented range is a compile error. msgbench defaults: 1 iteration of 10 s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Warmup {
    /** Warmup iterations: at least 0 (0 skips warmup), or -1 for not set. */
    int iterations() default -1;

    /** Length of each iteration in {@link #timeUnit()}: at least 1, or -1 for not set. */
    long time() default -1;

    TimeUnit timeUnit() default TimeUnit.SECONDS;
}
