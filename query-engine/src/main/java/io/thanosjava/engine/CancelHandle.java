package io.thanosjava.engine;

import java.util.function.Supplier;

/**
 * Lets a caller stop a running query (e.g. when the HTTP client went away). The engine checks it
 * between series and between operators; the query then fails with type {@code canceled}. While a
 * query runs through {@link #runInterruptibly}, cancelling also interrupts its thread, which stops the
 * store streams it is waiting on instead of letting them run to their timeout.
 */
public final class CancelHandle {
    private volatile boolean canceled;
    /** The thread inside {@link #runInterruptibly}, guarded by {@code this}. */
    private Thread runner;

    /** Asks the query to stop; it then fails with {@link QueryException.Type#CANCELED}. Idempotent. */
    public void cancel() {
        canceled = true;
        synchronized (this) {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCanceled() {
        return canceled;
    }

    /**
     * Runs {@code task} on the calling thread so that {@link #cancel()} meanwhile also interrupts it. The
     * interrupt a cancel caused is cleared before returning, so it never reaches the thread's next task;
     * an interrupt from anyone else is left in place. Calls may nest on one thread.
     */
    public <T> T runInterruptibly(Supplier<T> task) {
        Thread current = Thread.currentThread();
        synchronized (this) {
            if (runner == current) {
                return task.get();
            }
            if (runner != null) {
                throw new IllegalStateException("a cancel handle serves one running query at a time");
            }
            runner = current;
        }
        try {
            return task.get();
        } finally {
            synchronized (this) {
                runner = null;
                if (canceled) {
                    Thread.interrupted();
                }
            }
        }
    }
}
