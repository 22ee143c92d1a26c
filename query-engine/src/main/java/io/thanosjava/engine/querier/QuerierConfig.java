package io.thanosjava.engine.querier;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.store.ClientTransportOptions;
import io.thanosjava.engine.store.PartialResponseStrategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/**
 * Everything a querier was built with. {@code registry} and {@code executor} may be {@code null} (no metrics,
 * an owned executor); cache sizes of 0 and a zero label TTL disable those caches.
 */
public record QuerierConfig(List<String> endpoints, List<String> strictEndpoints, List<String> endpointFiles,
                            Duration endpointFilesInterval, Duration dnsInterval, Duration endpointInfoInterval,
                            Duration endpointInfoTimeout, Duration unhealthyEndpointTimeout, List<Queryable> queryables,
                            List<String> replicaLabels, DedupAlgorithm dedupAlgorithm,
                            PartialResponseStrategy partialResponse, Duration storeResponseTimeout,
                            long requestSeriesLimit, long requestSamplesLimit, QueryOptions engineOptions,
                            ClientTransportOptions transport, MeterRegistry registry, ExecutorService executor,
                            long queryCacheSize, long matcherCacheSize, Duration labelCacheTtl, long labelCacheSize,
                            LongSupplier tickerNanos) {
    public QuerierConfig {
        endpoints = List.copyOf(endpoints);
        strictEndpoints = List.copyOf(strictEndpoints);
        endpointFiles = List.copyOf(endpointFiles);
        queryables = List.copyOf(queryables);
        replicaLabels = List.copyOf(replicaLabels);
        requireNonNull(dedupAlgorithm, "dedupAlgorithm is null");
        requireNonNull(partialResponse, "partialResponse is null");
        requireNonNull(engineOptions, "engineOptions is null");
        requireNonNull(transport, "transport is null");
        requireNonNull(labelCacheTtl, "labelCacheTtl is null");
        requireNonNull(tickerNanos, "tickerNanos is null");
    }

    /** Whether any endpoint source was given (static, strict or file discovery). */
    public boolean hasEndpoints() {
        return !endpoints.isEmpty() || !strictEndpoints.isEmpty() || !endpointFiles.isEmpty();
    }
}
