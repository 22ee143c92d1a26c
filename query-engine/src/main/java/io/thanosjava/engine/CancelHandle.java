package io.thanosjava.engine;

/**
 * Lets a caller stop a running query (e.g. when the HTTP client went away). The engine checks it
 * between series and between operators; the query then fails with type {@code canceled}.
 */
public final class CancelHandle {
    private volatile boolean canceled;

    /** Asks the query to stop; it then fails with {@link QueryException.Type#CANCELED}. Idempotent. */
    public void cancel() {
        canceled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCanceled() {
        return canceled;
    }
}
