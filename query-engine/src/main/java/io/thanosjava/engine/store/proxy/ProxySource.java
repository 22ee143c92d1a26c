package io.thanosjava.engine.store.proxy;

import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.store.PartialResponseStrategy;
import io.thanosjava.engine.store.StoreInfo;
import io.thanosjava.model.LabelMatcher;
import java.util.List;

/** What the querier's StoreAPI serves: the merged view of every store behind it. */
public interface ProxySource {
    /** Every store's answer to {@code request}, merged into one sorted stream (no replica deduplication). */
    ChunkSeriesSet series(io.thanosjava.storeapi.proto.store.SeriesRequest request, String tenant);

    /** Label names of every store, merged. */
    LabelQueryResult labelNames(long start, long end, List<LabelMatcher> matchers, long limit,
            PartialResponseStrategy strategy, String tenant);

    /** Values of label {@code name} of every store, merged. */
    LabelQueryResult labelValues(String name, long start, long end, List<LabelMatcher> matchers, long limit,
            PartialResponseStrategy strategy, String tenant);

    /** What each store currently queried announced, for {@code Info}. */
    List<StoreInfo> stores();
}
