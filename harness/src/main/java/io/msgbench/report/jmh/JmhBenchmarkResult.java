package io.msgbench.report.jmh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object of a JMH result file: one benchmark × parameter combination × mode, with exactly the fields JMH 1.37
 * writes, in its order, plus msgbench's one extra top-level key ({@value #EXTRA_KEY}), which JMH consumers ignore.
 *
 * <p>This is the JMH-shaped <em>view</em> of a result: writers and readers of JMH files use it; nothing is
 * measured here. Maps keep the order they are given in, which is the order written; JMH itself sorts both
 * {@code params} and {@code secondaryMetrics} by name, so callers that want JMH's order pass sorted maps.
 *
 * <p>Immutable; {@link #extra()} is copied in and out because Jackson nodes are mutable.
 *
 * @param jmhVersion            the format emulated, {@value #JMH_VERSION}
 * @param benchmark             {@code package.Class.method}; consumers split it on dots
 * @param mode                  {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param threads               threads per fork
 * @param forks                 forks requested
 * @param jvm                   path of the java executable
 * @param jvmArgs               arguments of the measured JVM
 * @param jdkVersion            {@code java.version}
 * @param vmName                {@code java.vm.name}
 * @param vmVersion             {@code java.vm.version}
 * @param warmupIterations      warmup iterations per fork
 * @param warmupTime            e.g. {@code "10 s"} (see {@link #timeValue})
 * @param warmupBatchSize       JMH batch size, 1 unless batching
 * @param measurementIterations measurement iterations per fork
 * @param measurementTime       e.g. {@code "10 s"}
 * @param measurementBatchSize  JMH batch size
 * @param params                parameter name to value; empty means the key is left out of the file
 * @param primaryMetric         the score; has a histogram iff {@code mode} is {@code sample}
 * @param secondaryMetrics      name to metric, never with a histogram
 * @param extra                 msgbench's extra object, or null for none (an empty object counts as none)
 */
public record JmhBenchmarkResult(
        String jmhVersion,
        String benchmark,
        String mode,
        int threads,
        int forks,
        String jvm,
        List<String> jvmArgs,
        String jdkVersion,
        String vmName,
        String vmVersion,
        int warmupIterations,
        String warmupTime,
        int warmupBatchSize,
        int measurementIterations,
        String measurementTime,
        int measurementBatchSize,
        Map<String, String> params,
        JmhMetric primaryMetric,
        Map<String, JmhMetric> secondaryMetrics,
        ObjectNode extra) {

    /** The JMH version whose format is emulated. */
    public static final String JMH_VERSION = "1.37";

    /** Name of msgbench's extra top-level key, written last. */
    public static final String EXTRA_KEY = "msgbench";

    /** JMH's mode labels. */
    public static final Set<String> MODES = Set.of("thrpt", "avgt", "sample", "ss");

    public JmhBenchmarkResult {
        Objects.requireNonNull(jmhVersion, "jmhVersion");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(jdkVersion, "jdkVersion");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(vmVersion, "vmVersion");
        Objects.requireNonNull(warmupTime, "warmupTime");
        Objects.requireNonNull(measurementTime, "measurementTime");
        Objects.requireNonNull(primaryMetric, "primaryMetric");
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown JMH mode '" + mode + "' of " + benchmark + "; expected one of thrpt, avgt, sample, ss");
        }
        if (primaryMetric.hasHistogram() != mode.equals("sample")) {
            throw new IllegalArgumentException(benchmark + ": the primary metric has rawDataHistogram iff the mode is sample (mode " + mode + ")");
        }
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        params = orderedCopy(params, "params");
        secondaryMetrics = orderedCopy(secondaryMetrics, "secondaryMetrics");
        secondaryMetrics.forEach((name, metric) -> {
            if (metric.hasHistogram()) {
                throw new IllegalArgumentException(benchmark + ": secondary metric " + name + " has a histogram; JMH writes rawData for secondaries");
            }
        });
        extra = extra == null || extra.isEmpty() ? null : extra.deepCopy();
    }

    /** A copy of the extra object, or null when there is none. */
    @Override
    public ObjectNode extra() {
        return extra == null ? null : extra.deepCopy();
    }

    /** This result with another extra object (null or empty for none). */
    public JmhBenchmarkResult withExtra(ObjectNode newExtra) {
        return toBuilder().extra(newExtra).build();
    }

    /** A builder preset with {@value #JMH_VERSION}, this JVM's identity, one thread, one fork and batch size 1. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * JMH's spelling of a time ({@code TimeValue.toString()}): {@code "<n> <unit>"} in the coarsest of ns, us, ms,
     * s, min, hr, day that represents it exactly, e.g. {@code "100 ms"}, {@code "10 s"}, {@code "2 min"}.
     */
    public static String timeValue(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative time: " + d);
        }
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0 s";
        }
        for (int i = 0; i < TIME_UNITS.length; i++) {
            if (nanos % NANOS_PER_UNIT[i] == 0) {
                return nanos / NANOS_PER_UNIT[i] + " " + TIME_UNITS[i];
            }
        }
        throw new AssertionError("every duration is a whole number of nanoseconds");
    }

    private static final String[] TIME_UNITS = {"day", "hr", "min", "s", "ms", "us", "ns"};
    private static final long[] NANOS_PER_UNIT =
            {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};

    private static <V> Map<String, V> orderedCopy(Map<String, V> map, String what) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, what + " key"), Objects.requireNonNull(v, what + " value")));
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a result field by field; the fields of a benchmark's configuration have no defaults. */
    public static final class Builder {
        private String jmhVersion = JMH_VERSION;
        private String benchmark;
        private String mode;
        private int threads = 1;
        private int forks = 1;
        private String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private List<String> jvmArgs = List.of();
        private String jdkVersion = System.getProperty("java.version");
        private String vmName = System.getProperty("java.vm.name");
        private String vmVersion = System.getProperty("java.vm.version");
        private Integer warmupIterations;
        private String warmupTime;
        private int warmupBatchSize = 1;
        private Integer measurementIterations;
        private String measurementTime;
        private int measurementBatchSize = 1;
        private Map<String, String> params = new LinkedHashMap<>();
        private JmhMetric primaryMetric;
        private Map<String, JmhMetric> secondaryMetrics = new LinkedHashMap<>();
        private ObjectNode extra;

        private Builder() {
        }

        private Builder(JmhBenchmarkResult r) {
            jmhVersion = r.jmhVersion;
            benchmark = r.benchmark;
            mode = r.mode;
            threads = r.threads;
            forks = r.forks;
            jvm = r.jvm;
            jvmArgs = r.jvmArgs;
            jdkVersion = r.jdkVersion;
            vmName = r.vmName;
            vmVersion = r.vmVersion;
            warmupIterations = r.warmupIterations;
            warmupTime = r.warmupTime;
            warmupBatchSize = r.warmupBatchSize;
            measurementIterations = r.measurementIterations;
            measurementTime = r.measurementTime;
            measurementBatchSize = r.measurementBatchSize;
            params = new LinkedHashMap<>(r.params);
            primaryMetric = r.primaryMetric;
            secondaryMetrics = new LinkedHashMap<>(r.secondaryMetrics);
            extra = r.extra;
        }

        public Builder jmhVersion(String v) {
            jmhVersion = v;
            return this;
        }

        public Builder benchmark(String v) {
            benchmark = v;
            return this;
        }

        public Builder mode(String v) {
            mode = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder forks(int v) {
            forks = v;
            return this;
        }

        public Builder jvm(String v) {
            jvm = v;
            return this;
        }

        public Builder jvmArgs(List<String> v) {
            jvmArgs = v;
            return this;
        }

        public Builder jdkVersion(String v) {
            jdkVersion = v;
            return this;
        }

        public Builder vmName(String v) {
            vmName = v;
            return this;
        }

        public Builder vmVersion(String v) {
            vmVersion = v;
            return this;
        }

        /** Warmup iterations and time per iteration, e.g. {@code warmup(5, "10 s")}. */
        public Builder warmup(int iterations, String time) {
            warmupIterations = iterations;
            warmupTime = time;
            return this;
        }

        public Builder warmupBatchSize(int v) {
            warmupBatchSize = v;
            return this;
        }

        /** Measurement iterations and time per iteration, e.g. {@code measurement(5, "10 s")}. */
        public Builder measurement(int iterations, String time) {
            measurementIterations = iterations;
            measurementTime = time;
            return this;
        }

        public Builder measurementBatchSize(int v) {
            measurementBatchSize = v;
            return this;
        }

        /** Replaces all parameters; written in the map's order. */
        public Builder params(Map<String, String> v) {
            params = new LinkedHashMap<>(v);
            return this;
        }

        public Builder param(String name, String value) {
            params.put(name, value);
            return this;
        }

        public Builder primaryMetric(JmhMetric v) {
            primaryMetric = v;
            return this;
        }

        /** Replaces all secondary metrics; written in the map's order. */
        public Builder secondaryMetrics(Map<String, JmhMetric> v) {
            secondaryMetrics = new LinkedHashMap<>(v);
            return this;
        }

        public Builder secondaryMetric(String name, JmhMetric metric) {
            secondaryMetrics.put(name, metric);
            return this;
        }

        public Builder extra(ObjectNode v) {
            extra = v;
            return this;
        }

        /** The result; one {@link IllegalStateException} naming every unset required field. */
        public JmhBenchmarkResult build() {
            List<String> missing = new ArrayList<>();
            if (benchmark == null) {
                missing.add("benchmark");
            }
            if (mode == null) {
                missing.add("mode");
            }
            if (warmupIterations == null) {
                missing.add("warmup");
            }
            if (measurementIterations == null) {
                missing.add("measurement");
            }
            if (primaryMetric == null) {
                missing.add("primaryMetric");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("JMH result " + (benchmark == null ? "" : benchmark + " ")
                        + "lacks " + String.join(", ", missing));
            }
            return new JmhBenchmarkResult(jmhVersion, benchmark, mode, threads, forks, jvm, jvmArgs, jdkVersion,
                    vmName, vmVersion, warmupIterations, warmupTime, warmupBatchSize, measurementIterations,
                    measurementTime, measurementBatchSize, params, primaryMetric, secondaryMetrics, extra);
        }
    }
}
