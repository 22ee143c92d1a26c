package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import java.util.List;

/**
 * What an endpoint said about itself in its last successful {@code Info} answer.
 *
 * @param componentType {@code sidecar}, {@code store}, {@code query}, ... or {@code unknown-store-api}
 * @param labelSets the external label sets it serves; empty means "no external labels"
 * @param minTime earliest millisecond it may hold data for
 * @param maxTime latest millisecond it may hold data for
 * @param storeApi whether it serves {@code thanos.Store} (only such endpoints are asked for series and labels)
 * @param supportsSharding whether it honours {@code shard_info} itself
 * @param supportsWithoutReplicaLabels whether it strips {@code without_replica_labels} and re-sorts itself
 */
public record StoreInfo(String componentType, List<Labels> labelSets, long minTime, long maxTime, boolean storeApi,
                        boolean supportsSharding, boolean supportsWithoutReplicaLabels) {
    public StoreInfo {
        requireNonNull(componentType, "componentType is null");
        labelSets = List.copyOf(requireNonNull(labelSets, "labelSets is null"));
    }

    /**
     * What a strict endpoint that never answered is taken to be: a store with the full time range and
     * no labels, so it is always asked (and its failure always reported).
     */
    public static StoreInfo unknownStrict() {
        return new StoreInfo("unknown-store-api", List.of(), Long.MIN_VALUE, Long.MAX_VALUE, true, false, false);
    }

    /** A plain store with the given external label sets and time range, as tests and embedders describe one. */
    public static StoreInfo store(List<Labels> labelSets, long minTime, long maxTime) {
        return new StoreInfo("store", labelSets, minTime, maxTime, true, false, true);
    }
}
