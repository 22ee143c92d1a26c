package io.thanosjava.stores;

/**
 * The data behind a store could not be read just now (e.g. the Prometheus of a sidecar is down or
 * too slow). Answered as gRPC {@code UNAVAILABLE}, so that queriers treat it like a store that is
 * down rather than a bug in the store.
 */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
