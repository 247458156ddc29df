package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many fresh JVMs run each scenario, one after another, and with which JVM arguments. A value
 * below zero means "not set here" (default 1). Forked execution arrives with the worker API; until
 * then scenarios run in the host JVM and the setting is recorded but not applied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Fork {
    int value() default -1;

    /** Replaces the default JVM arguments of the fork. */
    String[] jvmArgs() default {};

    /** Added after the JVM arguments. */
    String[] jvmArgsAppend() default {};

    /** Added before the JVM arguments. */
    String[] jvmArgsPrepend() default {};
}
