package io.msgbench.omb;

import io.msgbench.scenario.BenchmarkDefinition;
import io.msgbench.scenario.ClientSideSettings;
import io.msgbench.scenario.ForkJvmArgs;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.IterationSettings;
import io.msgbench.scenario.ParameterSpace;
import io.msgbench.scenario.PayloadFiles;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OMB workload files × driver files → scenarios: each pair one benchmark {@code omb.<workload-file>} with
 * the driver's name as its {@code driver} parameter (DESIGN §5) and the driver file's name as
 * {@code driverConfig} (OMB's Kafka files all call themselves "Kafka"). OMB's durations map to one warmup and
 * one measurement iteration of those lengths; {@code -wi -w -i -r} override them. {@code -p} may set
 * workload fields ({@code -p consumerBacklogSizeGB=0.05}) and {@code producer.}/{@code consumer.}/{@code topic.}
 * settings over the files; several values add a dimension, as for benchmark classes.
 */
public final class OmbPlanner {
    public static final String BENCHMARK_PREFIX = "omb.";
    public static final String DRIVER_PARAM = "driver";
    public static final String DRIVER_CONFIG_PARAM = "driverConfig";

    private OmbPlanner() {
    }

    public static List<Scenario> plan(List<OmbWorkload> workloads, List<OmbDriver> drivers, IterationOverrides cli) {
        return plan(workloads, drivers, cli, Map.of());
    }

    /** @param overrides {@code -p} values by name */
    public static List<Scenario> plan(List<OmbWorkload> workloads, List<OmbDriver> drivers, IterationOverrides cli,
                                      Map<String, List<String>> overrides) {
        for (String name : List.of(DRIVER_PARAM, DRIVER_CONFIG_PARAM, "client")) {
            if (overrides.containsKey(name)) {
                throw new IllegalArgumentException("-p " + name + ": on OMB files the driver files choose the client; "
                        + "give more of them with --drivers");
            }
        }
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
                        file, ForkJvmArgs.NONE, w.name());
                Map<String, String> common = new LinkedHashMap<>(d.commonConfig());
                common.remove(OmbDriver.BOOTSTRAP_SERVERS); // the run's cluster decides (DESIGN §3)
                ParameterSpace space = ParameterSpace.of(declared, overrides);
                for (Map<String, String> params : space.combinations()) {
                    WorkloadSpec workload = w.workload();
                    Map<String, String> producer = new LinkedHashMap<>(d.producerConfig());
                    Map<String, String> consumer = new LinkedHashMap<>(d.consumerConfig());
                    Map<String, String> topic = new LinkedHashMap<>(d.topicConfig());
                    for (Map.Entry<String, String> p : params.entrySet()) {
                        String name = p.getKey();
                        if (declared.containsKey(name)) {
                            continue;
                        } else if (WorkloadSpec.isField(name)) {
                            workload = workload.with(name, p.getValue());
                        } else if (!ClientSideSettings.putPrefixed(name, p.getValue(), producer, consumer, topic)) {
                            throw new IllegalArgumentException("-p " + name + ": on OMB files, -p sets workload fields ("
                                    + String.join(", ", WorkloadSpec.FIELDS) + ") and producer./consumer./topic. settings");
                        }
                    }
                    if (!workload.payloadFile().isEmpty() && !workload.useRandomizedPayloads()) {
                        PayloadFiles.read(workload.payloadFile(), workload.messageSize()); // before any broker work
                    }
                    scenarios.add(new Scenario(def, params, d.client(), workload, common, producer, consumer, topic,
                            d.replicationFactor(), iterations, space, null));
                }
            }
        }
        return scenarios;
    }
}
