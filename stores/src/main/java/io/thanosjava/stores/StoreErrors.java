package io.thanosjava.stores;

import io.grpc.Status;

/** How a failure while answering a StoreAPI call is reported to the caller. */
final class StoreErrors {
    private StoreErrors() {
    }

    /** {@code UNAVAILABLE} when the backend could not be read, else {@code INTERNAL}; the description names the call. */
    static Status status(String call, RuntimeException e) {
        Status code = e instanceof BackendUnavailableException ? Status.UNAVAILABLE : Status.INTERNAL;
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return code.withDescription(call + ": " + why).withCause(e);
    }
}
