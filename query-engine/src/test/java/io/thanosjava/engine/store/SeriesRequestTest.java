package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.storeapi.proto.store.Aggr;
import io.thanosjava.storeapi.proto.store.PartialResponseStrategy;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What StoreQueryable asks stores for, per hints and settings (no network involved). */
class SeriesRequestTest {
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor();

    @AfterAll
    static void stop() {
        SCHEDULER.shutdownNow();
    }

    private static StoreQueryable queryable(QuerySettings settings) {
        FanoutOptions options = FanoutOptions.defaults();
        return new StoreQueryable(List::of, new SeriesFanout(options, SCHEDULER), new LabelFanout(options), settings);
    }

    @Test
    void requestCarriesRangeMatchersStrategyAndReplicaLabelsOnlyWhenDedupIsActive() {
        List<LabelMatcher> matchers = List.of(LabelMatcher.of(LabelMatcher.Type.RE, "job", "a|b"));
        SelectHints hints = new SelectHints(1000, 2000, 15, 300, "rate", List.of(), false, false);
        SeriesRequest withDedup = queryable(QuerySettings.defaults().withPartialResponse(
                io.thanosjava.engine.store.PartialResponseStrategy.ABORT)
                .withDedup(List.of("replica", "rule_replica"), DedupAlgorithm.PENALTY)).seriesRequest(hints, matchers);
        assertThat(withDedup.getMinTime()).isEqualTo(1000);
        assertThat(withDedup.getMaxTime()).isEqualTo(2000);
        assertThat(withDedup.getMatchers(0).getValue()).isEqualTo("a|b");
        assertThat(withDedup.getPartialResponseStrategy()).isEqualTo(PartialResponseStrategy.ABORT);
        assertThat(withDedup.getWithoutReplicaLabelsList()).containsExactly("replica", "rule_replica");
        assertThat(withDedup.getAggregatesList()).containsExactly(Aggr.COUNTER);
        assertThat(withDedup.getSkipChunks()).isFalse();

        SeriesRequest noReplicaLabels = queryable(QuerySettings.defaults()).seriesRequest(hints, matchers);
        assertThat(noReplicaLabels.getWithoutReplicaLabelsCount()).isZero();
        SeriesRequest dedupOff = queryable(QuerySettings.defaults().withDedup(List.of("replica"), DedupAlgorithm.CHAIN)
                .withoutDedup()).seriesRequest(hints, matchers);
        assertThat(dedupOff.getWithoutReplicaLabelsCount()).isZero();
    }

    @Test
    void metadataSelectsSkipChunksAndAggregatesFollowTheFunction() {
        SelectHints series = new SelectHints(0, 1, 0, 0, "series", List.of(), false, false);
        assertThat(queryable(QuerySettings.defaults()).seriesRequest(series, List.of()).getSkipChunks()).isTrue();
        assertThat(StoreQueryable.aggregatesFor("min_over_time")).containsExactly(Aggr.MIN);
        assertThat(StoreQueryable.aggregatesFor("max")).containsExactly(Aggr.MAX);
        assertThat(StoreQueryable.aggregatesFor("count_over_time")).containsExactly(Aggr.COUNT);
        assertThat(StoreQueryable.aggregatesFor("sum_over_time")).containsExactly(Aggr.SUM);
        assertThat(StoreQueryable.aggregatesFor("sum")).containsExactly(Aggr.COUNT, Aggr.SUM);
        assertThat(StoreQueryable.aggregatesFor("increase")).containsExactly(Aggr.COUNTER);
        assertThat(StoreQueryable.aggregatesFor("")).containsExactly(Aggr.COUNT, Aggr.SUM);
    }
}
