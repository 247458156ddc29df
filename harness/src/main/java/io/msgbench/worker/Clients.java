package io.msgbench.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates and closes many clients a few at a time. A client's constructor (configuration, metrics, JMX
 * registration, its own threads) takes tens of milliseconds and its close a round trip or two (leaving its
 * group); a workload of 100 topics with three subscriptions each has 300 consumers and 100 producers, and one
 * after another they took most of its set-up and tear-down.
 */
final class Clients {
    static final int THREADS = 8;

    private Clients() {
    }

    /** Runs every {@code close} (each must not throw), a few at a time, and returns when all are done. */
    static void closeAll(List<Runnable> closes) {
        all(closes.stream().<Supplier<Boolean>>map(c -> () -> {
            c.run();
            return true;
        }).toList(), done -> { });
    }

    /**
     * The clients {@code makers} make, in their order. If one fails, those made are closed with {@code close}
     * and the first failure is thrown (a {@link RuntimeException} as it was, anything else wrapped).
     */
    static <T> List<T> all(List<Supplier<T>> makers, Consumer<T> close) {
        if (makers.size() <= 1) {
            return makers.stream().map(Supplier::get).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, makers.size()), r -> {
            Thread t = new Thread(r, "msgbench-clients");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> m : makers) {
                futures.add(pool.submit(m::get));
            }
            List<T> made = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<T> f : futures) {
                try {
                    made.add(f.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new WorkerException("Creating a client failed: " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (failure == null) {
                        failure = new WorkerException("Interrupted while creating clients", e);
                    }
                }
            }
            if (failure != null) {
                made.forEach(close);
                throw failure;
            }
            return made;
        } finally {
            pool.shutdownNow();
        }
    }
}
