package io.msgbench.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Calls to several workers or agents at once, each on a daemon thread of its own (a few, each blocking on a
 * remote answer), so one slow answer does not delay the others' and a boundary reaches all of them together.
 */
public final class Parallel {
    private Parallel() {
    }

    /** What a set of calls gave: every answer (null where a call was skipped or failed) and the first failure. */
    public record Outcome<T>(List<T> answers, RuntimeException failure) {
    }

    /**
     * The answers of {@code calls}, in order (null for a null call, which is skipped); the first failure is thrown as
     * it was when it is a {@link RuntimeException}, wrapped otherwise, once every call has ended.
     */
    public static <T> List<T> all(List<Supplier<T>> calls) {
        Outcome<T> outcome = run(calls, r -> {
            Thread t = new Thread(r, "msgbench-parallel-call");
            t.setDaemon(true);
            t.start();
        });
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.answers();
    }

    /** Runs {@code calls} on {@code executor} and waits for all of them; failures are reported, not thrown. */
    public static <T> Outcome<T> run(List<Supplier<T>> calls, Executor executor) {
        List<CompletableFuture<T>> running = new ArrayList<>();
        for (Supplier<T> c : calls) {
            running.add(c == null ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(c, executor));
        }
        List<T> answers = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<T> f : running) {
            try {
                answers.add(f.join());
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                answers.add(null);
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new WorkerException(String.valueOf(e.getCause() != null ? e.getCause() : e), e);
                }
            }
        }
        return new Outcome<>(answers, failure);
    }
}
