package io.msgbench.worker;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
            Parallel.Outcome<T> made = Parallel.run(makers, pool);
            if (made.failure() != null) {
                made.answers().stream().filter(java.util.Objects::nonNull).forEach(close);
                throw made.failure();
            }
            return made.answers();
        } finally {
            pool.shutdownNow();
        }
    }
}
