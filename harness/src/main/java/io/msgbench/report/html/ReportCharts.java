package io.msgbench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhMetric;
import io.msgbench.report.summary.ReportContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of one benchmark, drawn by XChart as SVG text to be inlined: latency percentile distributions on
 * HdrHistogram's percentile axis, figures per iteration over time, and bars comparing parameter combinations.
 * Everything comes from JMH-shaped results, so saved files chart as fresh ones do.
 */
final class ReportCharts {
    private static final java.util.concurrent.atomic.AtomicLong CHARTS = new java.util.concurrent.atomic.AtomicLong();
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    /** The scorePercentiles keys a distribution is drawn through (100 % cannot sit on a 1/(1−p) axis). */
    private static final List<String> DISTRIBUTION = List.of("50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999",
            "99.9999");
    static final List<String> LATENCIES = List.of("endToEndLatencyCorrected", "endToEndLatency",
            "publishLatencyCorrected", "publishLatency", "publishDelayLatency");

    private ReportCharts() {
    }

    /** Every chart of one benchmark's results, as SVG documents without their XML prologue. */
    static List<String> of(List<JmhBenchmarkResult> rs) {
        List<String> svgs = new ArrayList<>();
        boolean msgbench = rs.stream().allMatch(r -> r.extra() != null);
        for (String latency : msgbench ? LATENCIES : List.of(primaryName(rs.get(0)))) {
            XYChart chart = percentileChart(rs, latency);
            if (chart != null) {
                svgs.add(svg(chart));
            }
        }
        if (msgbench) {
            svgs.add(svg(overTime(rs, "publishRate", "publish rate over time (per report period)", "msg/s")));
            String latency = ReportContent.mainLatency(rs.get(0));
            svgs.add(svg(overTime(rs, latency + ".p99", latency + " p99 over time (per report period)", "ms")));
            for (ProfileChart c : PROFILE_CHARTS) {
                XYChart chart = profileOverTime(rs, c);
                if (chart != null) {
                    svgs.add(svg(chart));
                }
            }
            svgs.add(svg(bars(rs, List.of("publishRate"), "publish rate", "msg/s", r -> null)));
            svgs.add(svg(bars(rs, List.of("50.0", "99.0", "99.9"), latency + " p50 / p99 / p99.9",
                    unit(ReportContent.metric(rs.get(0), latency)), r -> ReportContent.metric(r, latency))));
        } else {
            svgs.add(svg(bars(rs, List.of("score"), "score", rs.get(0).primaryMetric().scoreUnit(), r -> null)));
        }
        return svgs;
    }

    /**
     * One series per parameter combination through the merged histogram's percentiles, x = log10(1/(1−p)) as
     * HdrHistogram plots them (labelled 50 %, 90 %, 99 %, ...); null when no result has the latency.
     */
    private static XYChart percentileChart(List<JmhBenchmarkResult> rs, String latency) {
        XYChart chart = null;
        for (JmhBenchmarkResult r : rs) {
            JmhMetric m = ReportContent.metric(r, latency);
            if (m == null || m.scorePercentiles() == null || m.scorePercentiles().isEmpty()) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (String key : DISTRIBUTION) {
                Double v = m.scorePercentiles().get(key);
                if (v != null && !v.isNaN()) {
                    xs.add(Math.log10(1 / (1 - Double.parseDouble(key) / 100)));
                    ys.add(v);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            if (chart == null) {
                chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                        .title(latency + ": latency by percentile").xAxisTitle("percentile")
                        .yAxisTitle(latency + " (" + unit(m) + ")").build();
                style(chart.getStyler());
                chart.setCustomXAxisTickLabelsFormatter(ReportCharts::percentileLabel);
            }
            XYSeries s = chart.addSeries(uniqueLabel(chart.getSeriesMap(), ReportContent.paramsLabel(r)), xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** x = log10(1/(1−p)) back to its percentile: 1 → "90%", 3 → "99.9%". */
    static String percentileLabel(double x) {
        double p = 100 * (1 - Math.pow(10, -x));
        String s = String.format(Locale.ROOT, "%.6f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }

    /**
     * One series per parameter combination: a figure of each report period of the measurement iterations (of each
     * iteration in files without periods), forks one after another, against seconds since that combination's first
     * measured iteration began.
     */
    private static XYChart overTime(List<JmhBenchmarkResult> rs, String figure, String title, String unit) {
        XYChart chart = timeChart(title, unit);
        for (JmhBenchmarkResult r : rs) {
            List<JsonNode> windows = measuredWindows(r);
            long first = windows.stream().mapToLong(w -> w.path("startEpochNanos").asLong()).min().orElse(0);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (JsonNode w : windows) {
                double end = (w.path("startEpochNanos").asLong() + w.path("durationNanos").asLong() - first) / 1e9;
                int dot = figure.indexOf('.');
                JsonNode value = dot > 0 ? w.path(figure.substring(0, dot)).path(figure.substring(dot + 1)) : w.path(figure);
                if (value.isNumber()) {
                    xs.add(end);
                    ys.add(value.asDouble());
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(uniqueLabel(chart.getSeriesMap(), ReportContent.paramsLabel(r)), xs, ys)
                        .setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    /** A chart of profiler figures over time: each series a figure (scaled), its label, on one unit's axis. */
    private record ProfileChart(String title, String unit, List<String[]> series) {
    }

    /**
     * The profilers' charts (issue 15): CPU of the host, the load generator and the broker; the worker JVM's allocation
     * and collections; the broker's request handlers and network threads. A series is {figure, label} or {figure,
     * label, divisor figure, factor}: the broker's cores as a share of the load generator's host.
     */
    private static final List<ProfileChart> PROFILE_CHARTS = List.of(
            new ProfileChart("CPU over time (per report period)", "% of the load generator's host", List.of(
                    new String[] {"os.cpu.host", "host busy"}, new String[] {"os.cpu.user", "host user"},
                    new String[] {"os.cpu.system", "host system"}, new String[] {"os.loadgen.cpu", "load generator"},
                    new String[] {"broker.cpu", "broker (if on this host)", "os.cpus", "100"})),
            new ProfileChart("worker JVM garbage collection over time (per report period)", "MB/sec, ms", List.of(
                    new String[] {"gc.alloc.rate", "allocation MB/sec"}, new String[] {"gc.time", "GC time ms"})),
            new ProfileChart("broker utilisation over time (per report period)", "% idle", List.of(
                    new String[] {"broker.handler.idle", "request handlers idle"},
                    new String[] {"broker.network.idle", "network threads idle"})));

    /** Null when no result has any of the chart's figures. */
    private static XYChart profileOverTime(List<JmhBenchmarkResult> rs, ProfileChart c) {
        XYChart chart = timeChart(c.title(), c.unit());
        for (JmhBenchmarkResult r : rs) {
            List<JsonNode> windows = measuredWindows(r);
            long first = windows.stream().mapToLong(w -> w.path("startEpochNanos").asLong()).min().orElse(0);
            for (String[] series : c.series()) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (JsonNode w : windows) {
                    JsonNode profile = w.path("profile");
                    JsonNode value = profile.path(series[0]);
                    double divisor = series.length > 2 ? profile.path(series[2]).asDouble(Double.NaN)
                            / Double.parseDouble(series[3]) : 1;
                    if (value.isNumber() && Double.isFinite(value.asDouble() / divisor)) {
                        xs.add((w.path("startEpochNanos").asLong() + w.path("durationNanos").asLong() - first) / 1e9);
                        ys.add(value.asDouble() / divisor);
                    }
                }
                if (!xs.isEmpty()) {
                    String label = rs.size() > 1 ? ReportContent.paramsLabel(r) + ": " + series[1] : series[1];
                    chart.addSeries(uniqueLabel(chart.getSeriesMap(), label), xs, ys).setMarker(SeriesMarkers.CIRCLE);
                }
            }
        }
        return chart.getSeriesMap().isEmpty() ? null : chart;
    }

    /** An empty chart over seconds since the first measured iteration began. */
    private static XYChart timeChart(String title, String unit) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("seconds since the first measured iteration began").yAxisTitle(unit).build();
        style(chart.getStyler());
        // From zero: a lone point or a flat line must not be magnified into a cliff.
        chart.getStyler().setXAxisMin(0.0).setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("#,##0.#");
        return chart;
    }

    /** The report periods of the measurement iterations (the iterations themselves in files without periods). */
    private static List<JsonNode> measuredWindows(JmhBenchmarkResult r) {
        List<JsonNode> windows = new ArrayList<>();
        for (JsonNode fork : r.extra().path("forks")) {
            for (JsonNode i : fork.path("iterations")) {
                if ("measurement".equals(i.path("kind").asText())) {
                    JsonNode periods = i.path("periods");
                    if (periods.isEmpty()) {
                        windows.add(i);
                    } else {
                        periods.forEach(windows::add);
                    }
                }
            }
        }
        return windows;
    }

    /**
     * Bars per parameter combination: for each key one series — "score" and rate names read the metric's score,
     * percentile keys read {@code metricOf}'s scorePercentiles.
     */
    private static CategoryChart bars(List<JmhBenchmarkResult> rs, List<String> keys, String title, String unit,
                                      java.util.function.Function<JmhBenchmarkResult, JmhMetric> metricOf) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle(unit).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(rs.size() > 4 ? 30 : 0);
        List<String> labels = new ArrayList<>();
        rs.forEach(r -> labels.add(uniqueLabel(labels, ReportContent.paramsLabel(r))));
        for (String key : keys) {
            List<Double> values = new ArrayList<>();
            for (JmhBenchmarkResult r : rs) {
                double v;
                if (key.equals("score")) {
                    v = r.primaryMetric().score();
                } else if (Character.isDigit(key.charAt(0))) {
                    JmhMetric m = metricOf.apply(r);
                    v = m == null ? Double.NaN : m.scorePercentiles().getOrDefault(key, Double.NaN);
                } else {
                    JmhMetric m = ReportContent.metric(r, key);
                    v = m == null ? Double.NaN : m.score();
                }
                values.add(Double.isNaN(v) ? 0.0 : v);
            }
            String name = Character.isDigit(key.charAt(0)) ? "p" + key.replaceAll("\\.0$", "") : key;
            chart.addSeries(name, labels, values);
        }
        return chart;
    }

    private static void style(org.knowm.xchart.style.AxesChartStyler styler) {
        styler.setYAxisDecimalPattern("#,##0.###");
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setAntiAlias(true);
    }

    private static String primaryName(JmhBenchmarkResult r) {
        return r.benchmark().substring(r.benchmark().lastIndexOf('.') + 1);
    }

    private static String unit(JmhMetric m) {
        return m == null ? "" : m.scoreUnit().replace("/op", "");
    }

    /** XChart needs distinct series and category names. */
    private static String uniqueLabel(java.util.Collection<String> taken, String label) {
        String name = label;
        for (int n = 2; taken.contains(name); n++) {
            name = label + " #" + n;
        }
        return name;
    }

    private static String uniqueLabel(Map<String, ?> series, String label) {
        return uniqueLabel(series.keySet(), label);
    }

    /** The chart as an SVG element (XChart writes a whole document; its XML prologue and DOCTYPE go). */
    static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw a chart: " + e.getMessage(), e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        // Clip path ids are hash codes: made unique to this chart, since all charts share one HTML document.
        String prefix = "c" + CHARTS.incrementAndGet() + "-";
        return svg.substring(svg.indexOf("<svg")).replace("id=\"clip", "id=\"" + prefix + "clip")
                .replace("url(#clip", "url(#" + prefix + "clip");
    }
}
