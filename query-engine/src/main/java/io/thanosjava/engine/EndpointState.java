package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import java.time.Instant;
import java.util.List;

/**
 * One StoreAPI endpoint as {@code /api/v1/stores} shows it.
 *
 * @param address {@code host:port}
 * @param strict given as a strict endpoint: always queried, never dropped
 * @param healthy whether its last {@code Info} call succeeded
 * @param componentType what it announced ({@code sidecar}, {@code store}, {@code query}, ...); for a strict
 *     endpoint that never answered {@code unknown-store-api}
 * @param labelSets its external label sets
 * @param minTime earliest millisecond it may hold data for
 * @param maxTime latest millisecond it may hold data for
 * @param lastCheck when it was last asked {@code Info}
 * @param lastError why that failed; empty when it succeeded
 */
public record EndpointState(String address, boolean strict, boolean healthy, String componentType,
                            List<Labels> labelSets, long minTime, long maxTime, Instant lastCheck, String lastError) {
    /** Checks the components and copies the lists. */
    public EndpointState {
        requireNonNull(address, "address is null");
        requireNonNull(componentType, "componentType is null");
        labelSets = List.copyOf(requireNonNull(labelSets, "labelSets is null"));
        requireNonNull(lastCheck, "lastCheck is null");
        requireNonNull(lastError, "lastError is null");
    }
}
