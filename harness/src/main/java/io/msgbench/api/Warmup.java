package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * Warmup iterations: the full load runs but nothing is counted in the score. Values below zero mean
 * "not set here" so that the next level of precedence (environment, defaults) applies.
 * msgbench defaults: 1 iteration of 10 s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Warmup {
    int iterations() default -1;

    long time() default -1;

    TimeUnit timeUnit() default TimeUnit.SECONDS;
}
