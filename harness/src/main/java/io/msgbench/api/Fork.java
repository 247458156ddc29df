package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many fresh JVMs run each scenario, one after another; 0 runs it in the host JVM. The default -1
 * means "not set here" (msgbench's default is 1); any other negative value is a compile error. The JVM
 * arguments below apply to the forks, each part unless the command line gives it ({@code -jvmArgs},
 * {@code -jvmArgsAppend}, {@code -jvmArgsPrepend}); an empty array means "not set here", and without
 * {@code jvmArgs} the forks inherit the host JVM's arguments, as in JMH.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Fork {
    /** Forks per scenario: at least 0, or -1 for not set. */
    int value() default -1;

    /** Replaces the default JVM arguments of the fork. */
    String[] jvmArgs() default {};

    /** Added after the JVM arguments. */
    String[] jvmArgsAppend() default {};

    /** Added before the JVM arguments. */
    String[] jvmArgsPrepend() default {};
}
