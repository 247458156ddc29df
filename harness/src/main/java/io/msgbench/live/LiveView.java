package io.msgbench.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.msgbench.http.HttpResponses;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.report.IterationResult;
import io.msgbench.report.LatencySummary;
import io.msgbench.report.PeriodResult;
import io.msgbench.report.ProfileFigures;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The coordinator's figures while a run lasts, on loopback: {@code /metrics} in Prometheus' text format (rates,
 * latency percentiles and backlog per report period, schedule debt per iteration, counts, and every profiler figure),
 * {@code /live.json} (the last hour of report periods) and {@code /}, a page that charts them as they come. Updated
 * by the coordinator's thread at each period and iteration end, off the load; read by the server's own thread.
 */
public final class LiveView implements AutoCloseable {
    /** Report periods the page keeps (an hour of 1-s periods). */
    static final int KEPT_POINTS = 3600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MS = 1e6;
    private static final Map<String, Double> QUANTILES = Map.of("0.5", 50.0, "0.99", 99.0, "0.999", 99.9);

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge publishRate = gauge("msgbench_publish_rate", "acknowledged sends per second in the last report "
            + "period", "scenario");
    private final Gauge consumeRate = gauge("msgbench_consume_rate", "receptions per second in the last report period, "
            + "over all subscriptions", "scenario");
    private final Gauge backlog = gauge("msgbench_backlog_messages", "messages sent and not yet received at the end of "
            + "the last report period", "scenario");
    private final Gauge latency = gauge("msgbench_latency_milliseconds", "latency percentiles of the last report period "
            + "(HdrHistogram); quantile 1 is the maximum", "scenario", "metric", "quantile");
    private final Gauge debt = gauge("msgbench_schedule_debt_messages", "messages due and not sent at the end of the last "
            + "iteration", "scenario");
    private final Gauge profile = gauge("msgbench_profile", "the profilers' figures (-prof) of the last report period, "
            + "by their result names; unit as named", "scenario", "figure", "unit");
    private final Counter sent = Counter.builder().name("msgbench_messages_sent").help("acknowledged sends")
            .labelNames("scenario").register(registry);
    private final Counter errors = Counter.builder().name("msgbench_publish_errors").help("failed sends")
            .labelNames("scenario").register(registry);

    // Guarded by this.
    private final Deque<ObjectNode> points = new ArrayDeque<>();
    private String scenario = "";
    private String phase = "starting";

    private LiveView(HttpServer server) {
        this.server = server;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "msgbench-live");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/live.json", this::live);
        server.createContext("/", this::page);
        server.start();
    }

    /**
     * Serves on {@code port} of the loopback interface (0: any free one).
     *
     * @throws IllegalArgumentException with one line when the port cannot be had
     */
    public static LiveView start(int port) {
        try {
            return new LiveView(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16));
        } catch (BindException e) {
            throw new IllegalArgumentException("--live " + port + ": the port is taken (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the page is. */
    public URI address() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    /** A scenario begins (its label names its figures from now on). */
    public synchronized void scenario(String label) {
        scenario = label;
        debt.labelValues(scenario).set(0); // none owed before its first iteration ends
    }

    /** What the run is doing, e.g. {@code measurement 2 of 3}. */
    public synchronized void phase(String what) {
        phase = what;
    }

    /** A report period ended: its figures become the current ones and a point of the page's charts. */
    public synchronized void period(PeriodResult p) {
        publishRate.labelValues(scenario).set(p.publishRate());
        consumeRate.labelValues(scenario).set(p.consumeRate());
        backlog.labelValues(scenario).set(p.backlog());
        sent.labelValues(scenario).inc(p.messagesSent());
        errors.labelValues(scenario).inc(p.publishErrors());
        for (LatencyMetric m : LatencyMetric.values()) {
            LatencySummary l = p.latency(m);
            if (l != null && l.count() > 0) {
                latency.labelValues(scenario, m.resultName(), "0.5").set(l.p50() / MS);
                latency.labelValues(scenario, m.resultName(), "0.99").set(l.p99() / MS);
                latency.labelValues(scenario, m.resultName(), "0.999").set(l.p999() / MS);
                latency.labelValues(scenario, m.resultName(), "1").set(l.max() / MS);
            }
        }
        Map<String, ProfileFigures.Figure> figures = ProfileFigures.of(p);
        figures.forEach((name, f) -> profile.labelValues(scenario, name, f.unit()).set(f.value()));

        ObjectNode point = JSON.createObjectNode();
        point.put("t", (p.startEpochNanos() + p.durationNanos()) / 1e9);
        point.put("scenario", scenario);
        point.put("publishRate", p.publishRate());
        point.put("consumeRate", p.consumeRate());
        point.put("backlog", p.backlog());
        LatencySummary e2e = p.latency(LatencyMetric.END_TO_END_LATENCY_CORRECTED);
        LatencySummary pub = p.latency(LatencyMetric.PUBLISH_LATENCY_CORRECTED);
        LatencySummary main = e2e != null && e2e.count() > 0 ? e2e : pub;
        if (main != null && main.count() > 0) {
            point.put("p99", main.p99() / MS);
        }
        for (String[] f : new String[][] {{"os.cpu.host", "hostCpu"}, {"os.loadgen.cpu", "loadGeneratorCpu"},
                {"broker.cpu", "brokerCores"}, {"gc.alloc.rate", "allocation"}}) {
            ProfileFigures.Figure figure = figures.get(f[0]);
            if (figure != null && Double.isFinite(figure.value())) {
                point.put(f[1], figure.value());
            }
        }
        points.addLast(point);
        while (points.size() > KEPT_POINTS) {
            points.removeFirst();
        }
    }

    /**
     * An iteration ended: its schedule debt, and its last report period (which ends with it, so it is not told as the
     * others are).
     */
    public synchronized void iteration(IterationResult r) {
        debt.labelValues(scenario).set(r.scheduleDebt());
        if (!r.periods().isEmpty()) {
            period(r.periods().get(r.periods().size() - 1));
        }
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    private void live(HttpExchange exchange) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        synchronized (this) {
            body.put("scenario", scenario);
            body.put("phase", phase);
            ArrayNode array = body.putArray("points");
            points.forEach(array::add);
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = LiveView.class.getResourceAsStream("live.html")) {
            send(exchange, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    /** Never cached: the page and its figures change every period. */
    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpResponses.send(exchange, status, type, body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
