package io.msgbench.scenario;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM arguments of forks as one source gives them (a benchmark's {@code @Fork}, or the command line's
 * {@code -jvmArgs*}), each part {@code null} when that source is silent. As in JMH, a fork runs with
 * prepend + (the arguments, or else the host JVM's own input arguments) + append, and each part is taken
 * from the highest source that gives it ({@link #over}).
 *
 * @param replacement replaces the host JVM's arguments
 */
public record ForkJvmArgs(List<String> prepend, List<String> replacement, List<String> append) {
    /** Nothing given: forks inherit the host JVM's arguments. */
    public static final ForkJvmArgs NONE = new ForkJvmArgs(null, null, null);

    public ForkJvmArgs {
        prepend = prepend == null ? null : List.copyOf(prepend);
        replacement = replacement == null ? null : List.copyOf(replacement);
        append = append == null ? null : List.copyOf(append);
    }

    /** This source's parts where it gives them, {@code lower}'s elsewhere. */
    public ForkJvmArgs over(ForkJvmArgs lower) {
        return new ForkJvmArgs(prepend != null ? prepend : lower.prepend,
                replacement != null ? replacement : lower.replacement, append != null ? append : lower.append);
    }

    /** The arguments a fork starts with. */
    public List<String> effective() {
        List<String> args = new ArrayList<>(prepend == null ? List.of() : prepend);
        args.addAll(replacement != null ? replacement : ManagementFactory.getRuntimeMXBean().getInputArguments());
        args.addAll(append == null ? List.of() : append);
        return args;
    }
}
