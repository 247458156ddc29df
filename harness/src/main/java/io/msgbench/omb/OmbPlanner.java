package io.msgbench.omb;

import io.msgbench.scenario.BenchmarkDefinition;
import io.msgbench.scenario.ForkJvmArgs;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.IterationSettings;
import io.msgbench.scenario.ParameterSpace;
import io.msgbench.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OMB workload files × driver files → scenarios: each pair one benchmark {@code omb.<workload-file>} with
 * the driver's name as its {@code driver} parameter (DESIGN §5) and the driver file's name as
 * {@code driverConfig} (OMB's Kafka files all call themselves "Kafka"). OMB's durations map to one warmup and
 * one measurement iteration of those lengths; {@code -wi -w -i -r} override them.
 */
public final class OmbPlanner {
    public static final String BENCHMARK_PREFIX = "omb.";
    public static final String DRIVER_PARAM = "driver";
    public static final String DRIVER_CONFIG_PARAM = "driverConfig";

    private OmbPlanner() {
    }

    public static List<Scenario> plan(List<OmbWorkload> workloads, List<OmbDriver> drivers, IterationOverrides cli) {
        List<Scenario> scenarios = new ArrayList<>();
        for (OmbWorkload w : workloads) {
            IterationOverrides file = new IterationOverrides(w.warmupDuration().isZero() ? 0 : 1,
                    w.warmupDuration().isZero() ? null : w.warmupDuration(), w.testDuration() == null ? null : 1,
                    w.testDuration(), null, null);
            IterationSettings iterations = cli.over(file.over(IterationSettings.DEFAULTS));
            for (OmbDriver d : drivers) {
                Map<String, List<String>> declared = new LinkedHashMap<>();
                declared.put(DRIVER_PARAM, List.of(d.name()));
                declared.put(DRIVER_CONFIG_PARAM, List.of(d.baseName()));
                BenchmarkDefinition def = new BenchmarkDefinition(BENCHMARK_PREFIX + w.baseName(), w.workload(), declared,
                        file, ForkJvmArgs.NONE);
                Map<String, String> common = new LinkedHashMap<>(d.commonConfig());
                common.remove(OmbDriver.BOOTSTRAP_SERVERS); // the run's cluster decides (DESIGN §3)
                Map<String, String> params = new LinkedHashMap<>();
                params.put(DRIVER_PARAM, d.name());
                params.put(DRIVER_CONFIG_PARAM, d.baseName());
                scenarios.add(new Scenario(def, params, d.client(), w.workload(), common,
                        d.producerConfig(), d.consumerConfig(), d.topicConfig(), d.replicationFactor(), iterations,
                        ParameterSpace.of(declared, Map.of()), null));
            }
        }
        return scenarios;
    }
}
