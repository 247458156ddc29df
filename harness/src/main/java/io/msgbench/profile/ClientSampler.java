package io.msgbench.profile;

import io.msgbench.metrics.Readings;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code client} profiler on a worker: the clients' own metrics ({@link io.msgbench.driver.MessagingDriver#clientMetrics}),
 * their totals read at the boundaries and their averages (levels) sampled once a second on a thread of its own and
 * integrated, so a window's figure is the mean of the clients' per-second averages over it.
 */
public final class ClientSampler implements AutoCloseable {
    private final Supplier<Readings> metrics;
    private final GaugeIntegral levels = new GaugeIntegral();
    private final ScheduledExecutorService timer;

    private ClientSampler(Supplier<Readings> metrics) {
        this.metrics = metrics;
        sample();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msgbench-client-profiler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** Samples {@code metrics} (the driver's clients, as they come and go) from now on. */
    public static ClientSampler start(Supplier<Readings> metrics) {
        return new ClientSampler(metrics);
    }

    private void sample() {
        try {
            levels.sample(new TreeMap<>(metrics.get().levels()), System.nanoTime());
        } catch (RuntimeException e) {
            // a client closing meanwhile: the next second samples again
        }
    }

    /** The clients' totals now and their averages integrated up to now; the last sample's levels. */
    public Readings reading() {
        Readings now = metrics.get();
        Map<String, Double> totals = new TreeMap<>(now.totals());
        totals.putAll(levels.upTo(System.nanoTime()));
        return new Readings(totals, now.levels());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
