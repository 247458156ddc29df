package io.msgbench.report.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.report.Figures;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the human-readable reports (Markdown, HTML) show, decided once: an environment block, then per benchmark a
 * table with the parameters as columns and one row per parameter combination, and the warnings of
 * self-diagnosis under it. Built from JMH-shaped results, so saved files render as fresh ones do; results
 * without msgbench's extra key (JMH's own) get JMH's columns: score, error, unit and the secondary scores.
 *
 * @param environment label → value, in display order
 */
public record ReportContent(Map<String, String> environment, List<Section> sections) {
    /** The percentiles the tables show, with the scorePercentiles keys they come from. */
    static final Map<String, String> PERCENTILES = Map.of("p50", "50.0", "p99", "99.0", "p99.9", "99.9", "max", "100.0");
    private static final List<String> PERCENTILE_ORDER = List.of("p50", "p99", "p99.9", "max");
    private static final String LATENCY_NOTE = " (\"Corrected\": from the intended send time, so without "
            + "coordinated omission), all forks merged.";

    public ReportContent {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        sections = List.copyOf(sections);
    }

    /**
     * One benchmark's table.
     *
     * @param numeric   per column: right-aligned figures (true) or text
     * @param warnings  "params: warning" lines from self-diagnosis
     * @param note      one line saying what the figures are
     * @param details   further tables under the main one (every latency, the clients' settings)
     */
    public record Section(String benchmark, String note, List<String> header, List<Boolean> numeric,
                          List<List<String>> rows, List<String> warnings, List<Table> details) {
        public Section {
            header = List.copyOf(header);
            numeric = List.copyOf(numeric);
            rows = rows.stream().map(List::copyOf).toList();
            warnings = List.copyOf(warnings);
            details = List.copyOf(details);
        }
    }

    /** A table under a section's main one, with its title. */
    public record Table(String title, List<String> header, List<Boolean> numeric, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            numeric = List.copyOf(numeric);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public static ReportContent of(List<JmhBenchmarkResult> results) {
        Map<String, List<JmhBenchmarkResult>> byBenchmark = new LinkedHashMap<>();
        results.forEach(r -> byBenchmark.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r));
        List<Section> sections = new ArrayList<>();
        byBenchmark.forEach((name, rs) -> sections.add(rs.stream().allMatch(r -> r.extra() != null)
                ? msgbenchSection(name, rs) : jmhSection(name, rs)));
        return new ReportContent(environment(results), sections);
    }

    /** The label of a parameter combination, e.g. {@code acks=1, client=kafka}. */
    public static String paramsLabel(JmhBenchmarkResult r) {
        if (r.params().isEmpty()) {
            return "(no parameters)";
        }
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(r.params()).forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k)
                .append('=').append(v));
        return b.toString();
    }

    /**
     * The latency a msgbench result is about: its primary metric; for a rate result (after a search, or at an
     * unreachable rate, where the latencies from the intended time are left out) the first it has of the
     * corrected and then the uncorrected end-to-end and publish latencies.
     */
    public static String mainLatency(JmhBenchmarkResult r) {
        if (r.mode().equals("sample")) {
            return r.extra().path("primaryMetric").asText();
        }
        for (String name : List.of("endToEndLatencyCorrected", "publishLatencyCorrected", "endToEndLatency")) {
            if (r.secondaryMetrics().containsKey(name)) {
                return name;
            }
        }
        return "publishLatency";
    }

    /** The metric named {@code name}: the primary when the result is named after it, else a secondary (or null). */
    public static JmhMetric metric(JmhBenchmarkResult r, String name) {
        if (r.benchmark().endsWith("." + name)) {
            return r.primaryMetric();
        }
        return r.secondaryMetrics().get(name);
    }

    private static Section msgbenchSection(String benchmark, List<JmhBenchmarkResult> rs) {
        Set<String> params = paramNames(rs);
        String latency = mainLatency(rs.get(0));
        String unit = unitOf(metric(rs.get(0), latency));
        boolean searched = rs.stream().anyMatch(r -> r.secondaryMetrics().containsKey("maxSustainableRate"));
        boolean consumes = rs.stream().anyMatch(r -> r.secondaryMetrics().containsKey("consumeRate"));

        List<String> header = new ArrayList<>(params);
        List<Boolean> numeric = new ArrayList<>(params.stream().map(p -> false).toList());
        List<String> figures = new ArrayList<>(List.of("publish msg/s"));
        if (searched) {
            figures.add("max rate msg/s");
        }
        if (consumes) {
            figures.add("consume msg/s");
        }
        figures.add("publish MB/s");
        PERCENTILE_ORDER.forEach(p -> figures.add(p + " " + unit));
        figures.add("lost");
        figures.add("errors");
        boolean agents = rs.stream().anyMatch(r -> r.secondaryMetrics().containsKey("agentCpuPerMessage"));
        boolean cpu = rs.stream().anyMatch(r -> r.secondaryMetrics().containsKey("workerCpuPerMessage"));
        if (cpu) {
            figures.add("worker CPU µs/msg");
        }
        if (agents) {
            figures.add("agent CPU µs/msg");
        }
        header.addAll(figures);
        figures.forEach(f -> numeric.add(true));

        List<List<String>> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (JmhBenchmarkResult r : rs) {
            List<String> row = new ArrayList<>();
            params.forEach(p -> row.add(r.params().getOrDefault(p, "")));
            row.add(Figures.grouped(score(metric(r, "publishRate"))));
            if (searched) {
                row.add(Figures.grouped(score(r.secondaryMetrics().get("maxSustainableRate"))));
            }
            if (consumes) {
                row.add(Figures.grouped(score(r.secondaryMetrics().get("consumeRate"))));
            }
            row.add(Figures.number(score(r.secondaryMetrics().get("publishThroughput"))));
            JmhMetric l = metric(r, latency);
            PERCENTILE_ORDER.forEach(p -> row.add(Figures.latency(percentile(l, PERCENTILES.get(p)))));
            row.add(count(r.secondaryMetrics().get("messagesLost")));
            row.add(count(r.secondaryMetrics().get("publishErrors")));
            if (cpu) {
                row.add(Figures.number(score(r.secondaryMetrics().get("workerCpuPerMessage"))));
            }
            if (agents) {
                row.add(Figures.number(score(r.secondaryMetrics().get("agentCpuPerMessage"))));
            }
            rows.add(row);
            for (JsonNode w : r.extra().path("warnings")) {
                warnings.add(paramsLabel(r) + ": " + w.asText());
            }
        }
        String held = rs.get(0).measurementIterations() + " × " + rs.get(0).measurementTime();
        String note = rs.get(0).mode().equals("sample")
                ? "Fixed rate, " + held + " per fork; percentiles of " + latency + LATENCY_NOTE
                : searched ? "Maximum sustainable rate searched, then held for " + held + "; percentiles of " + latency
                        + " at that rate" + LATENCY_NOTE
                : "Fixed rate above what the producers could send, " + held + " per fork: the rate they achieved is "
                        + "the result; percentiles of " + latency + LATENCY_NOTE;
        List<Table> tables = new ArrayList<>(List.of(latencies(rs, params)));
        profiled(rs, params).ifPresent(tables::add);
        tables.add(clientSettings(rs, params));
        return new Section(benchmark, note, header, numeric, rows, warnings, tables);
    }

    /** The profilers' summary figures a table shows, with their column titles (the JSON has every figure). */
    private static final List<String[]> PROFILED = List.of(new String[] {"os.cpu.host", "host CPU %"},
            new String[] {"os.loadgen.cpu", "load generator CPU %"}, new String[] {"os.cpu.steal", "steal %"},
            new String[] {"os.net.lo.received", "loopback MB/s"}, new String[] {"gc.alloc.rate", "worker alloc MB/s"},
            new String[] {"gc.time", "worker GC ms"}, new String[] {"gc.pause.share", "worker GC pauses %"},
            new String[] {"broker.cpu", "broker CPU cores"},
            new String[] {"broker.handler.idle", "broker handlers idle %"},
            new String[] {"broker.network.idle", "broker network idle %"},
            new String[] {"broker.produce.time", "broker produce ms"});

    /** The profilers' figures of every row ({@code -prof}), the columns any row has; empty without profilers. */
    private static java.util.Optional<Table> profiled(List<JmhBenchmarkResult> rs, Set<String> params) {
        List<String[]> present = PROFILED.stream()
                .filter(f -> rs.stream().anyMatch(r -> r.secondaryMetrics().containsKey(f[0]))).toList();
        if (present.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> header = new ArrayList<>(params);
        List<Boolean> numeric = new ArrayList<>(params.stream().map(p -> false).toList());
        present.forEach(f -> {
            header.add(f[1]);
            numeric.add(true);
        });
        List<List<String>> rows = new ArrayList<>();
        for (JmhBenchmarkResult r : rs) {
            List<String> row = new ArrayList<>();
            params.forEach(p -> row.add(r.params().getOrDefault(p, "")));
            present.forEach(f -> row.add(Figures.number(score(r.secondaryMetrics().get(f[0])))));
            rows.add(row);
        }
        return java.util.Optional.of(new Table("Profilers (-prof) over the measurement: rates, shares and times per "
                + "request are means, GC time a sum", header, numeric, rows));
    }

    /** Every latency of every row: p50, p99, p99.9 and max, as the main table shows its main one. */
    private static Table latencies(List<JmhBenchmarkResult> rs, Set<String> params) {
        List<String> header = new ArrayList<>(params);
        List<Boolean> numeric = new ArrayList<>(params.stream().map(p -> false).toList());
        header.add("latency");
        numeric.add(false);
        String unit = "";
        List<List<String>> rows = new ArrayList<>();
        for (JmhBenchmarkResult r : rs) {
            for (LatencyMetric m : LatencyMetric.values()) {
                JmhMetric l = metric(r, m.resultName());
                if (l == null || l.scorePercentiles() == null) {
                    continue; // not measured (no consumers), or left out (dominated by an unreachable schedule)
                }
                unit = unitOf(l);
                List<String> row = new ArrayList<>();
                params.forEach(p -> row.add(r.params().getOrDefault(p, "")));
                row.add(m.resultName());
                PERCENTILE_ORDER.forEach(p -> row.add(Figures.latency(percentile(l, PERCENTILES.get(p)))));
                rows.add(row);
            }
        }
        for (String p : PERCENTILE_ORDER) {
            header.add(p + " " + unit);
            numeric.add(true);
        }
        return new Table("Every latency", header, numeric, rows);
    }

    /** Each row's client settings as the client received them, in its own names. */
    private static Table clientSettings(List<JmhBenchmarkResult> rs, Set<String> params) {
        List<String> header = new ArrayList<>(params);
        List<Boolean> numeric = new ArrayList<>(params.stream().map(p -> false).toList());
        header.addAll(List.of("client library", "producer", "consumer"));
        numeric.addAll(List.of(false, false, false));
        List<List<String>> rows = new ArrayList<>();
        for (JmhBenchmarkResult r : rs) {
            JsonNode config = r.extra().path("configuration");
            List<String> row = new ArrayList<>();
            params.forEach(p -> row.add(r.params().getOrDefault(p, "")));
            row.add(config.path("clientVersion").asText());
            row.add(settings(config.path("producer")));
            row.add(settings(config.path("consumer")));
            rows.add(row);
        }
        return new Table("Effective client settings (each client's own names)", header, numeric, rows);
    }

    private static String settings(JsonNode block) {
        StringBuilder b = new StringBuilder();
        block.fields().forEachRemaining(e -> {
            if (!e.getKey().endsWith("serializer") && !e.getKey().endsWith("deserializer")
                    && !e.getKey().equals("bootstrap.servers")) {
                b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
            }
        });
        return b.toString();
    }

    private static Section jmhSection(String benchmark, List<JmhBenchmarkResult> rs) {
        Set<String> params = paramNames(rs);
        Set<String> secondaries = new TreeSet<>();
        rs.forEach(r -> secondaries.addAll(r.secondaryMetrics().keySet()));
        List<String> header = new ArrayList<>(params);
        List<Boolean> numeric = new ArrayList<>(params.stream().map(p -> false).toList());
        header.addAll(List.of("Mode", "Score", "Error (99.9%)", "Unit"));
        numeric.addAll(List.of(false, true, true, false));
        secondaries.forEach(s -> {
            header.add(s);
            numeric.add(true);
        });
        List<List<String>> rows = new ArrayList<>();
        for (JmhBenchmarkResult r : rs) {
            List<String> row = new ArrayList<>();
            params.forEach(p -> row.add(r.params().getOrDefault(p, "")));
            row.add(r.mode());
            row.add(Figures.grouped(r.primaryMetric().score()));
            row.add(Figures.grouped(r.primaryMetric().scoreError()));
            row.add(r.primaryMetric().scoreUnit());
            secondaries.forEach(s -> {
                JmhMetric m = r.secondaryMetrics().get(s);
                row.add(m == null ? "" : Figures.grouped(m.score()) + " " + m.scoreUnit());
            });
            rows.add(row);
        }
        return new Section(benchmark, "JMH result: score ± error (99.9 %).", header, numeric, rows, List.of(),
                List.of());
    }

    private static Map<String, String> environment(List<JmhBenchmarkResult> results) {
        Map<String, String> env = new LinkedHashMap<>();
        if (results.isEmpty()) {
            return env;
        }
        JmhBenchmarkResult first = results.get(0);
        ObjectNode extra = first.extra();
        if (extra != null) {
            env.put("harness", "msgbench " + extra.path("harnessVersion").asText());
            JsonNode config = extra.path("configuration");
            JsonNode broker = config.path("broker");
            String brokers = broker.path("settings").path("msgbench.cluster.brokers").asText("1");
            env.put("broker", broker.path("kind").asText() + " Kafka " + broker.path("version").asText()
                    + ("1".equals(brokers) ? "" : ", " + brokers + " brokers"));
            Set<String> clients = new LinkedHashSet<>();
            for (JmhBenchmarkResult r : results) {
                if (r.extra() != null) {
                    JsonNode c = r.extra().path("configuration");
                    clients.add(c.path("driver").asText() + " (" + c.path("clientVersion").asText() + ")");
                }
            }
            env.put("clients", String.join(", ", clients));
        } else {
            env.put("harness", "JMH " + first.jmhVersion());
        }
        env.put("JVM", first.jdkVersion() + ", " + first.vmName() + " " + first.vmVersion());
        if (extra != null) {
            JsonNode host = extra.path("configuration").path("host");
            env.put("host", host.path("name").asText() + ", " + host.path("os").asText());
            String cpu = host.path("cpuModel").asText("");
            env.put("CPU", host.path("cpus").asText() + " logical CPUs" + (cpu.isEmpty() ? "" : ", " + cpu));
            long memory = host.path("memoryBytes").asLong(0);
            env.put("memory", (memory > 0 ? Figures.number(memory / (double) (1L << 30)) + " GiB, " : "")
                    + "JVM max heap " + Figures.number(host.path("maxHeapBytes").asLong() / (double) (1L << 30)) + " GiB");
        }
        return env;
    }

    private static Set<String> paramNames(List<JmhBenchmarkResult> rs) {
        Set<String> names = new TreeSet<>();
        rs.forEach(r -> names.addAll(r.params().keySet()));
        return names;
    }

    private static String unitOf(JmhMetric m) {
        return m == null ? "" : m.scoreUnit().replace("/op", "");
    }

    private static double score(JmhMetric m) {
        return m == null ? Double.NaN : m.score();
    }

    private static double percentile(JmhMetric m, String key) {
        if (m == null || m.scorePercentiles() == null) {
            return Double.NaN;
        }
        return m.scorePercentiles().getOrDefault(key, Double.NaN);
    }

    private static String count(JmhMetric m) {
        return m == null ? "" : String.format(java.util.Locale.ROOT, "%,d", (long) m.score());
    }
}
