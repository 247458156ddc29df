package io.msgbench.scenario;

/**
 * The class msgbench's annotation processor generates for each benchmark class (e.g.
 * {@code LatencyTest_MsgbenchBenchmark}), listed in {@value BenchmarkIndex#RESOURCE}. It rebuilds the
 * benchmark's definition with plain constructor calls, so the runner never reads annotations at run
 * time and a broken benchmark fails {@code javac}, not the run. Implementations have a public
 * no-argument constructor.
 */
public interface GeneratedBenchmark {
    /** The benchmark as its annotations declared it when it was compiled. */
    BenchmarkDefinition definition();
}
