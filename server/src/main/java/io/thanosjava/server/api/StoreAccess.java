package io.thanosjava.server.api;

import io.thanosjava.engine.storage.Queryable;
import java.util.List;
import java.util.Map;

/** What the HTTP API needs from the store layer: a view per request and the endpoints' status. */
public interface StoreAccess extends AutoCloseable {
    Queryable queryable(StoreSelection selection);

    /** {@code /api/v1/stores}: component type -> endpoint status objects (already JSON-shaped maps). */
    Map<String, List<Map<String, Object>>> endpointStatus();

    /** True once the endpoints have been resolved at least once ({@code /-/ready}). */
    boolean ready();

    /** Stops discovery and closes connections. */
    @Override
    void close();
}
