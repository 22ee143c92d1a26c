package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import io.thanosjava.dedup.DedupAlgorithm;
import java.util.List;

/**
 * Per-query choices of the HTTP request (or the embedder): partial response strategy, deduplication
 * and tenant.
 *
 * @param partialResponse what a failed store becomes
 * @param dedup the {@code dedup} parameter; deduplication is active only when replica labels are set too
 * @param replicaLabels replica label names ({@code --query.replica-label} or {@code replicaLabels[]})
 * @param algorithm {@code --deduplication.func}
 * @param tenant sent to stores in the {@code thanos-tenant} header
 */
public record QuerySettings(PartialResponseStrategy partialResponse, boolean dedup, List<String> replicaLabels,
                            DedupAlgorithm algorithm, String tenant) {
    public static final String DEFAULT_TENANT = "default-tenant";

    public QuerySettings {
        requireNonNull(partialResponse, "partialResponse is null");
        replicaLabels = List.copyOf(requireNonNull(replicaLabels, "replicaLabels is null"));
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(tenant, "tenant is null");
    }

    /** Thanos' defaults: WARN, dedup on but no replica labels (so inactive), penalty, default tenant. */
    public static QuerySettings defaults() {
        return new QuerySettings(PartialResponseStrategy.WARN, true, List.of(), DedupAlgorithm.PENALTY, DEFAULT_TENANT);
    }

    /** Whether series are deduplicated: {@code dedup} is on and there is at least one replica label. */
    public boolean dedupActive() {
        return dedup && !replicaLabels.isEmpty();
    }

    public QuerySettings withPartialResponse(PartialResponseStrategy strategy) {
        return new QuerySettings(strategy, dedup, replicaLabels, algorithm, tenant);
    }

    public QuerySettings withDedup(List<String> labels, DedupAlgorithm dedupAlgorithm) {
        return new QuerySettings(partialResponse, true, labels, dedupAlgorithm, tenant);
    }

    public QuerySettings withoutDedup() {
        return new QuerySettings(partialResponse, false, replicaLabels, algorithm, tenant);
    }

    public QuerySettings withTenant(String tenantId) {
        return new QuerySettings(partialResponse, dedup, replicaLabels, algorithm, tenantId);
    }
}
