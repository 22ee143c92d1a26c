package io.thanosjava.stores.sidecar;

import io.thanosjava.stores.BackendUnavailableException;

/**
 * Prometheus could not be reached, was too slow, or answered something that is not what its API
 * promises. The message names the Prometheus URL, the endpoint and the cause.
 */
public final class PrometheusException extends BackendUnavailableException {
    private static final long serialVersionUID = 1L;

    public PrometheusException(String message) {
        super(message);
    }

    public PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}
