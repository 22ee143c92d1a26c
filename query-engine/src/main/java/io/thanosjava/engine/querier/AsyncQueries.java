package io.thanosjava.engine.querier;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.CancelHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs queries on an executor and hands back futures whose {@code cancel} stops the query: it cancels the
 * query's {@link CancelHandle} (checked by the engine between operators and series), which interrupts the
 * thread running it and so cancels store streams it is waiting on. The default executor is a fixed pool
 * of daemon threads owned here; one given by the caller is neither owned nor shut down.
 */
public final class AsyncQueries implements AutoCloseable {
    private final ExecutorService executor;
    private final boolean owned;

    /** @param executor the caller's executor, or {@code null} for an owned pool */
    public AsyncQueries(ExecutorService executor) {
        this.owned = executor == null;
        this.executor = owned
                ? Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                        DaemonThreads.named("querier-query"))
                : executor;
    }

    /**
     * Runs {@code task}, which must run its query through {@link CancelHandle#runInterruptibly} on {@code cancel};
     * cancelling the future cancels {@code cancel}, which interrupts the task if it is running.
     */
    public <T> CompletableFuture<T> submit(CancelHandle cancel, Supplier<T> task) {
        requireNonNull(cancel, "cancel is null");
        requireNonNull(task, "task is null");
        Run<T> run = new Run<>(cancel, task);
        try {
            executor.execute(run);
        } catch (RejectedExecutionException e) {
            run.future.completeExceptionally(e);
        }
        return run.future;
    }

    /** Shuts the owned pool down (interrupting running queries); a caller's executor is left alone. */
    @Override
    public void close() {
        if (owned) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Run<T> implements Runnable {
        private final Supplier<T> task;
        private final CompletableFuture<T> future;

        /** @param task runs the query through {@code cancel.runInterruptibly}, so cancelling interrupts it */
        Run(CancelHandle cancel, Supplier<T> task) {
            this.task = task;
            this.future = new CompletableFuture<>() {
                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    boolean cancelled = super.cancel(mayInterruptIfRunning);
                    if (cancelled) {
                        cancel.cancel();
                    }
                    return cancelled;
                }
            };
        }

        @Override
        public void run() {
            if (future.isDone()) {
                return;
            }
            try {
                future.complete(task.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }
    }
}
