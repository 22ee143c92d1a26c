package io.thanosjava.server.api;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.LabelMatcher;
import java.util.List;

/**
 * How one request reaches the stores: replica deduplication, partial-response strategy and the
 * {@code storeMatch[]} restriction.
 *
 * @param dedup whether to deduplicate replicas (only effective with replica labels)
 * @param replicaLabels labels that tell replicas apart
 * @param partialResponse true for WARN (a failing store becomes a warning), false for ABORT
 * @param storeMatchers {@code storeMatch[]} selectors; a store is used when any set matches its labels; empty = all
 */
public record StoreSelection(boolean dedup, List<String> replicaLabels, boolean partialResponse,
                             List<List<LabelMatcher>> storeMatchers) {
    public StoreSelection {
        replicaLabels = List.copyOf(requireNonNull(replicaLabels, "replicaLabels is null"));
        storeMatchers = List.copyOf(requireNonNull(storeMatchers, "storeMatchers is null"));
    }
}
