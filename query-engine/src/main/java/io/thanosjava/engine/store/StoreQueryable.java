package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.dedup.DecodedSeriesSet;
import io.thanosjava.dedup.DedupSeriesSet;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.Aggr;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's {@link Queryable} over StoreAPI endpoints: Series fan-out, proxy merge, then replica
 * deduplication (when {@link QuerySettings#dedupActive()}, with the counter adjustment for
 * {@code rate}/{@code irate}/{@code increase}/{@code resets}) or plain chunk decoding, bounded to the
 * hints' {@code [start, end]}. One instance carries one query's {@link QuerySettings}; derive others
 * with {@link #withSettings}. Label calls run without replica labels, as Thanos' label APIs do.
 */
public final class StoreQueryable implements Queryable {
    private final Supplier<List<StoreEndpoint>> stores;
    private final SeriesFanout seriesFanout;
    private final LabelFanout labelFanout;
    private final QuerySettings settings;

    /**
     * @param stores the endpoints to consider, asked on every call (e.g. {@link EndpointSet#storeEndpoints})
     */
    public StoreQueryable(Supplier<List<StoreEndpoint>> stores, SeriesFanout seriesFanout, LabelFanout labelFanout,
            QuerySettings settings) {
        this.stores = requireNonNull(stores, "stores is null");
        this.seriesFanout = requireNonNull(seriesFanout, "seriesFanout is null");
        this.labelFanout = requireNonNull(labelFanout, "labelFanout is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The same stores and fan-outs with another query's settings. */
    public StoreQueryable withSettings(QuerySettings querySettings) {
        return new StoreQueryable(stores, seriesFanout, labelFanout, querySettings);
    }

    public QuerySettings settings() {
        return settings;
    }

    @Override
    public SeriesSet select(SelectHints hints, List<LabelMatcher> matchers) {
        requireNonNull(hints, "hints is null");
        requireNonNull(matchers, "matchers is null");
        SeriesRequest request = seriesRequest(hints, matchers);
        ChunkSeriesSet merged = seriesFanout.select(stores.get(), request, settings.tenant());
        SeriesSet series = settings.dedupActive()
                ? new DedupSeriesSet(merged, settings.replicaLabels(), settings.algorithm(),
                        DedupSeriesSet.needsCounterAdjustment(hints.func()), hints.start(), hints.end())
                : new DecodedSeriesSet(merged, hints.start(), hints.end());
        return new ClosingOnFailure(series);
    }

    /** The Series request this view sends its stores for a select with these hints and matchers. */
    public SeriesRequest seriesRequest(SelectHints hints, List<LabelMatcher> matchers) {
        SeriesRequest.Builder request = SeriesRequest.newBuilder()
                .setMinTime(hints.start())
                .setMaxTime(hints.end())
                .setPartialResponseStrategy(settings.partialResponse().toWire())
                .setSkipChunks("series".equals(hints.func()))
                .addAllAggregates(aggregatesFor(hints.func()));
        for (LabelMatcher m : matchers) {
            request.addMatchers(MatcherConverter.toThanos(m));
        }
        if (settings.dedupActive()) {
            request.addAllWithoutReplicaLabels(settings.replicaLabels());
        }
        return request.build();
    }

    /** Thanos' {@code aggrsFromFunc}: which downsampled aggregates the enclosing function reads. */
    static List<Aggr> aggregatesFor(String func) {
        if (func.equals("min") || func.startsWith("min_")) {
            return List.of(Aggr.MIN);
        }
        if (func.equals("max") || func.startsWith("max_")) {
            return List.of(Aggr.MAX);
        }
        if (func.equals("count") || func.startsWith("count_")) {
            return List.of(Aggr.COUNT);
        }
        if (func.startsWith("sum_")) {
            return List.of(Aggr.SUM);
        }
        return switch (func) {
            case "increase", "rate", "irate", "resets", "xincrease", "xrate" -> List.of(Aggr.COUNTER);
            default -> List.of(Aggr.COUNT, Aggr.SUM);
        };
    }

    @Override
    public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> matchers) {
        return labelFanout.labelNames(stores.get(), mint, maxt, matchers, 0, settings.partialResponse(),
                settings.tenant());
    }

    @Override
    public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> matchers) {
        return labelFanout.labelValues(stores.get(), name, mint, maxt, matchers, 0, settings.partialResponse(),
                settings.tenant());
    }

    /** Cancels every store call as soon as reading fails, not only when the caller gets to close(). */
    private static final class ClosingOnFailure implements SeriesSet {
        private final SeriesSet delegate;

        ClosingOnFailure(SeriesSet delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean next() {
            try {
                return delegate.next();
            } catch (RuntimeException e) {
                try {
                    delegate.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        @Override
        public Series at() {
            return delegate.at();
        }

        @Override
        public List<String> warnings() {
            return delegate.warnings();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
