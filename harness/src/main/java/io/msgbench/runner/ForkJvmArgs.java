package io.msgbench.runner;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM arguments of forks, as JMH composes them: prepend + (the given arguments, or else the host
 * JVM's own input arguments) + append.
 *
 * @param replacement {@code null} when not given: the forks inherit the host JVM's arguments
 */
record ForkJvmArgs(List<String> prepend, List<String> replacement, List<String> append) {
    ForkJvmArgs {
        prepend = List.copyOf(prepend);
        replacement = replacement == null ? null : List.copyOf(replacement);
        append = List.copyOf(append);
    }

    static final ForkJvmArgs INHERIT = new ForkJvmArgs(List.of(), null, List.of());

    List<String> effective() {
        List<String> args = new ArrayList<>(prepend);
        args.addAll(replacement != null ? replacement : ManagementFactory.getRuntimeMXBean().getInputArguments());
        args.addAll(append);
        return args;
    }
}
