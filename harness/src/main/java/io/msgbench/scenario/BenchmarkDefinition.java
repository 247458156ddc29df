package io.msgbench.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark as its annotations declare it: the workload, the rate, the declared parameter space in
 * declaration order, and the iteration settings the annotations give (the rest comes from defaults).
 * The annotation processor checks the annotations at compile time and generates a
 * {@link GeneratedBenchmark} that builds this with plain constructor calls; the runner gets it through
 * {@link BenchmarkIndex}.
 *
 * @param className   the benchmark class's binary name, e.g. {@code io.msgbench.benchmarks.LatencyTest}
 * @param forkJvmArgs the JVM arguments its {@code @Fork} gives (the command line's win over them)
 * @param title       a free-text name for reports (an OMB workload file's {@code name}); the simple name
 *                    when none is given
 */
public record BenchmarkDefinition(String className, WorkloadSpec workload, Map<String, List<String>> params,
                                  IterationOverrides iterations, ForkJvmArgs forkJvmArgs, String title) {
    public BenchmarkDefinition {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        if (title == null || title.isBlank()) {
            title = className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /** A benchmark class's definition: its title is its simple name. */
    public BenchmarkDefinition(String className, WorkloadSpec workload, Map<String, List<String>> params,
                               IterationOverrides iterations, ForkJvmArgs forkJvmArgs) {
        this(className, workload, params, iterations, forkJvmArgs, null);
    }

    /** The short name, e.g. {@code LatencyTest}. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /**
     * Reads a loaded class's annotations by reflection, with the processor's rules: for tests and tools
     * working on classes compiled without the processor. The runner never calls it.
     *
     * @throws IllegalArgumentException one line naming the class and the first rule it breaks
     */
    public static BenchmarkDefinition of(Class<?> type) {
        return BenchmarkDeclaration.of(type).toDefinition();
    }
}
