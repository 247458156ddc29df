package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * How long the drain after the last iteration may wait for unacknowledged and unreceived messages, after
 * which what is still missing is reported lost: msgbench's reading of JMH's iteration timeout ({@code -to}
 * on the command line wins). The default -1 means "not set here"; msgbench's default is 30 s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Timeout {
    /** At least 1, or -1 for not set. */
    long time() default -1;

    TimeUnit timeUnit() default TimeUnit.SECONDS;
}
