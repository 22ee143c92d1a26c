package io.thanosjava.engine.store;

/**
 * What a fan-out does when a store fails, times out or sends a warning ({@code partial_response}
 * parameter, default from {@code --query.partial-response}).
 */
public enum PartialResponseStrategy {
    /** The failure becomes a warning naming the store; the other stores' data is returned. */
    WARN,
    /** The whole call fails with an error naming the store. */
    ABORT;

    io.thanosjava.storeapi.proto.store.PartialResponseStrategy toWire() {
        return this == WARN
                ? io.thanosjava.storeapi.proto.store.PartialResponseStrategy.WARN
                : io.thanosjava.storeapi.proto.store.PartialResponseStrategy.ABORT;
    }
}
