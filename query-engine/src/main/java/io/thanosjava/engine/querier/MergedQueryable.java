package io.thanosjava.engine.querier;

import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.dedup.DecodedSeriesSet;
import io.thanosjava.dedup.DedupSeriesSet;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.engine.store.QuerySettings;
import io.thanosjava.engine.store.StoreEndpoint;
import io.thanosjava.engine.store.StoreQueryable;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.SeriesSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * One request's view of endpoints and in-process queryables together: the Series request the endpoints get
 * ({@link StoreQueryable#seriesRequest}), every source's chunks in one proxy merge, then replica deduplication
 * (when active) across all of them, as if the in-process queryables were endpoints.
 */
final class MergedQueryable implements Queryable {
    private final StoreLayer layer;
    private final StoreQueryable endpoints;
    private final Supplier<List<StoreEndpoint>> stores;
    private final List<Queryable> local;

    /**
     * @param endpoints the request's endpoint view: its settings and Series requests
     * @param stores the endpoints to ask, or {@code null} to ask none
     */
    MergedQueryable(StoreLayer layer, StoreQueryable endpoints, Supplier<List<StoreEndpoint>> stores,
                    List<Queryable> local) {
        this.layer = layer;
        this.endpoints = endpoints;
        this.stores = stores;
        this.local = local;
    }

    private List<StoreEndpoint> asked() {
        return stores == null ? null : stores.get();
    }

    @Override
    public SeriesSet select(SelectHints hints, List<LabelMatcher> matchers) {
        QuerySettings settings = endpoints.settings();
        ChunkSeriesSet merged = layer.chunks(asked(), local,
                endpoints.seriesRequest(hints, matchers), hints, matchers, settings.tenant());
        return settings.dedupActive()
                ? new DedupSeriesSet(merged, settings.replicaLabels(), settings.algorithm(),
                        DedupSeriesSet.needsCounterAdjustment(hints.func()), hints.start(), hints.end())
                : new DecodedSeriesSet(merged, hints.start(), hints.end());
    }

    @Override
    public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> matchers) {
        return layer.labels(null, asked(), local, mint, maxt, matchers, 0,
                endpoints.settings().partialResponse(), endpoints.settings().tenant());
    }

    @Override
    public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> matchers) {
        return layer.labels(name, asked(), local, mint, maxt, matchers, 0,
                endpoints.settings().partialResponse(), endpoints.settings().tenant());
    }
}
