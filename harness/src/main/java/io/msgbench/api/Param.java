package io.msgbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One dimension of the benchmark's parameter space. The scenarios are the cartesian product of all
 * parameters in declaration order; {@code -p name=v1,v2} on the command line replaces the values.
 *
 * <p>How a name resolves: {@code client} selects the driver; a workload field name (e.g.
 * {@code messageSize}) overrides the workload; {@code producer.}/{@code consumer.}/{@code topic.}
 * prefixes address one side; any other name is set on every client whose configuration knows it.
 *
 * <p>Checked at compile time: a blank name, a name declared twice, or no values is an error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Params.class)
public @interface Param {
    /** The parameter name: not blank, and declared once per class. */
    String name();

    /** The values, in the order the scenarios run; at least one. */
    String[] values();
}
