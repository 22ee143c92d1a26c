package io.thanosjava.engine;

/** What a query does when a store fails, times out or sends a warning (Thanos' {@code partial_response}). */
public enum PartialResponse {
    /** The failure becomes a warning naming the store; the other stores' data is returned. */
    WARN,
    /** The whole query fails with an error naming the store. */
    ABORT
}
