package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * Measurement iterations: each is one rawData entry in the result. Values below zero mean "not set
 * here". msgbench defaults: 3 iterations of 30 s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Measurement {
    int iterations() default -1;

    long time() default -1;

    TimeUnit timeUnit() default TimeUnit.SECONDS;
}
