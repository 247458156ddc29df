package io.msgbench.scenario;

import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.search.RateObjective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns benchmarks and command-line parameters into scenarios, resolving every parameter name before
 * any broker work (DESIGN §6): {@code client} selects the driver; a workload field sets the workload;
 * {@code producer.}/{@code consumer.}/{@code topic.} prefixes address one side; any other name goes to
 * every client whose configuration knows it. A name that resolves nowhere is an error.
 */
public final class ScenarioPlanner {
    /** The driver used when a benchmark declares no {@code client} parameter. */
    public static final String DEFAULT_DRIVER = "kafka";
    public static final String CLIENT = "client";
    /** The latency objective of the maximum-rate search, e.g. {@code p99<50ms}. */
    public static final String OBJECTIVE = "objective";

    /** A driver file (OMB's format) whose settings the scenario starts from, e.g. {@code kafka-latency}. */
    public static final String DRIVER_CONFIG = "driverConfig";

    private final DriverRegistry drivers;
    private final DriverConfigFiles driverFiles;

    public ScenarioPlanner(DriverRegistry drivers) {
        this(drivers, DriverConfigFiles.NONE);
    }

    public ScenarioPlanner(DriverRegistry drivers, DriverConfigFiles driverFiles) {
        this.drivers = drivers;
        this.driverFiles = driverFiles;
    }

    /**
     * @param overrides  {@code -p} values by name, in command-line order
     * @param cli        iteration settings from the command line
     */
    public List<Scenario> plan(List<BenchmarkDefinition> benchmarks, Map<String, List<String>> overrides,
                               IterationOverrides cli) {
        List<Scenario> scenarios = new ArrayList<>();
        for (BenchmarkDefinition b : benchmarks) {
            IterationSettings iterations = cli.over(b.iterations().over(IterationSettings.DEFAULTS));
            ParameterSpace space = ParameterSpace.of(b.params(), overrides);
            for (Map<String, String> combination : space.combinations()) {
                scenarios.add(resolve(b, combination, iterations, space));
            }
        }
        return scenarios;
    }

    Scenario resolve(BenchmarkDefinition b, Map<String, String> params, IterationSettings iterations,
                     ParameterSpace space) {
        String driverName = params.getOrDefault(CLIENT, DEFAULT_DRIVER);
        Map<String, String> common = new LinkedHashMap<>();
        Map<String, String> producer = new LinkedHashMap<>();
        Map<String, String> consumer = new LinkedHashMap<>();
        Map<String, String> topic = new LinkedHashMap<>();
        short replication = 1;
        if (params.containsKey(DRIVER_CONFIG)) {
            DriverConfigFiles.DriverConfig file;
            try {
                file = driverFiles.load(params.get(DRIVER_CONFIG));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(b.simpleName() + ": " + e.getMessage());
            }
            if (params.containsKey(CLIENT) && !params.get(CLIENT).equals(file.client())) {
                throw new IllegalArgumentException(b.simpleName() + ": client=" + params.get(CLIENT) + " but driverConfig="
                        + params.get(DRIVER_CONFIG) + " is for " + file.client());
            }
            driverName = file.client();
            replication = file.replicationFactor();
            common.putAll(file.common());
            common.remove("bootstrap.servers"); // an annotated benchmark's cluster is the run's (DESIGN §3)
            producer.putAll(file.producer());
            consumer.putAll(file.consumer());
            topic.putAll(file.topic());
        }
        DriverFactory driver = drivers.get(driverName);
        WorkloadSpec workload = b.workload();
        RateObjective objective = null;
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            if (name.equals(CLIENT) || name.equals(DRIVER_CONFIG)) {
                continue;
            }
            if (name.equals(OBJECTIVE)) {
                try {
                    objective = value.isEmpty() ? null : RateObjective.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(b.simpleName() + ": " + e.getMessage());
                }
                continue;
            }
            if (name.equals("bootstrap.servers")) {
                throw new IllegalArgumentException("bootstrap.servers is not a parameter; use --bootstrap host:port");
            }
            if (drivers.isDriverSetting(name)) {
                common.put(name, value); // the driver's own (e.g. python); drivers that do not take it ignore it
                continue;
            }
            if (WorkloadSpec.isField(name)) {
                try {
                    workload = workload.with(name, value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(b.simpleName() + ": " + e.getMessage());
                }
            } else if (!ClientSideSettings.putPrefixed(name, value, producer, consumer, topic)) {
                boolean producerKnows = driver.producerConfigNames().contains(name);
                boolean consumerKnows = driver.consumerConfigNames().contains(name);
                if (!producerKnows && !consumerKnows) {
                    throw new IllegalArgumentException("Unknown parameter '" + name + "': not a workload field ("
                            + String.join(", ", WorkloadSpec.FIELDS) + "), not a producer or consumer setting of "
                            + driverName + "; use producer./consumer./topic. to pass it anyway");
                }
                if (producerKnows) {
                    producer.put(name, value);
                }
                if (consumerKnows) {
                    consumer.put(name, value);
                }
            }
        }
        if (workload.isBacklogTest() && (workload.isMaxRate() || workload.subscriptionsPerTopic() == 0)) {
            throw new IllegalArgumentException(b.simpleName() + ": the backlog test (consumerBacklogSizeGB > 0) needs "
                    + "a fixed producerRate and at least one subscription");
        }
        if (!workload.payloadFile().isEmpty() && !workload.useRandomizedPayloads()) {
            try {
                PayloadFiles.read(workload.payloadFile(), workload.messageSize()); // before any broker work
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(b.simpleName() + ": " + e.getMessage());
            }
        }
        if (objective != null && !workload.isMaxRate()) {
            throw new IllegalArgumentException(b.simpleName() + ": objective=" + objective + " applies to the "
                    + "maximum-rate search only (@ProducerRate(max = true) or producerRate=0), the rate here is "
                    + workload.producerRate() + " msg/s");
        }
        return new Scenario(b, params, driverName, workload, common, producer, consumer, topic, replication, iterations,
                space, objective);
    }
}
