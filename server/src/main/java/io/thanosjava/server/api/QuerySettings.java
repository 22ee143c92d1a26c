package io.thanosjava.server.api;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.QueryOptions;
import java.util.List;

/**
 * Server-wide defaults that requests may override.
 *
 * @param engineOptions lookback delta, timeout, max samples, experimental functions
 * @param replicaLabels {@code --query.replica-label}
 * @param partialResponse {@code --query.partial-response} (true = WARN)
 * @param defaultStepMillis {@code --query.default-step}
 */
public record QuerySettings(QueryOptions engineOptions, List<String> replicaLabels, boolean partialResponse,
                            long defaultStepMillis) {
    public QuerySettings {
        requireNonNull(engineOptions, "engineOptions is null");
        replicaLabels = List.copyOf(requireNonNull(replicaLabels, "replicaLabels is null"));
    }
}
