package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.dedup.DedupSeriesSet;
import io.thanosjava.dedup.ProxyMerge;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.engine.store.FanoutFixture.Decoded;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.dedup.ChunkSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fan-out over real loopback gRPC against four healthy stores: merge, dedup, framing, selection. */
class StoreQueryableTest {
    private static final List<LabelMatcher> ALL = List.of(
            LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "http_requests_total"));
    private static final SelectHints WHOLE = SelectHints.ofRange(0, ShardedReplicas.END);
    private static final QuerySettings CHAIN = QuerySettings.defaults().withDedup(List.of("replica"), DedupAlgorithm.CHAIN);
    private static final QuerySettings PENALTY =
            QuerySettings.defaults().withDedup(List.of("replica"), DedupAlgorithm.PENALTY);

    private static FanoutFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new FanoutFixture();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    @BeforeEach
    void resetStores() {
        for (int k = 0; k < 4; k++) {
            FakeStore store = fixture.stores[k];
            store.honourBatchSize = true;
            store.honourWithoutReplicaLabels = true;
            store.splitSeries = false;
            store.warning = null;
            store.seriesRequests.clear();
            fixture.captures[k].methods.clear();
        }
    }

    static void assertSameSeries(List<Decoded> actual, List<Decoded> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).labels()).as("labels of series %d", i).isEqualTo(expected.get(i).labels());
            assertThat(actual.get(i).t()).as("timestamps of %s", expected.get(i).labels())
                    .containsExactly(expected.get(i).t());
            assertThat(actual.get(i).valueBits()).as("value bits of %s", expected.get(i).labels())
                    .containsExactly(expected.get(i).valueBits());
        }
    }

    /** Chain dedup of two replicas with different gaps is the complete series: independent expected answer. */
    private static List<Decoded> expectedDeduplicated() {
        List<Decoded> expected = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            for (int i = 0; i < ShardedReplicas.SERIES_PER_SHARD; i++) {
                Labels labels = ShardedReplicas.seriesLabels(shard, i).toBuilder()
                        .set("cluster", ShardedReplicas.CLUSTERS[shard]).build();
                expected.add(FanoutFixture.full(shard, i, labels));
            }
        }
        expected.sort((a, b) -> a.labels().compareTo(b.labels()));
        return expected;
    }

    @Test
    void chainDedupOfFourStoresIsTheCompleteSeriesSampleForSample() {
        StoreQueryable q = fixture.queryable(FanoutOptions.defaults(), CHAIN);
        var set = q.select(WHOLE, ALL);
        assertSameSeries(FanoutFixture.readAll(set), expectedDeduplicated());
        assertThat(set.warnings()).isEmpty();
        for (FakeStore store : fixture.stores) {
            assertThat(store.seriesRequests).singleElement().satisfies(r -> {
                assertThat(r.getWithoutReplicaLabelsList()).containsExactly("replica");
                assertThat(r.getResponseBatchSize()).isEqualTo(64);
                assertThat(r.getPartialResponseStrategy())
                        .isEqualTo(io.thanosjava.storeapi.proto.store.PartialResponseStrategy.WARN);
            });
        }
    }

    /** Penalty dedup over the wire equals the dedup module applied to the same chunks in memory. */
    @Test
    void penaltyDedupOverGrpcEqualsTheInMemoryPipeline() {
        StoreQueryable q = fixture.queryable(FanoutOptions.defaults(), PENALTY);
        List<Decoded> actual = FanoutFixture.readAll(q.select(
                new SelectHints(0, ShardedReplicas.END, 0, 0, "rate", List.of(), false, false), ALL));

        List<ChunkSeriesSet> local = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            for (int replica = 0; replica < 2; replica++) {
                List<ChunkSeries> withExternal = new ArrayList<>();
                for (ChunkSeries s : ShardedReplicas.store(shard, replica)) {
                    withExternal.add(new ChunkSeries(s.labels().toBuilder().set("cluster", ShardedReplicas.CLUSTERS[shard])
                            .build(), s.chunks()));
                }
                local.add(ChunkSeriesSet.of(withExternal));
            }
        }
        List<Decoded> expected = FanoutFixture.readAll(new DedupSeriesSet(ProxyMerge.merge(local), List.of("replica"),
                DedupAlgorithm.PENALTY, true, 0, ShardedReplicas.END));
        assertSameSeries(actual, expected);
        assertThat(actual).hasSize(2 * ShardedReplicas.SERIES_PER_SHARD);
        // Both gaps were filled from the other replica: every series covers its first and last scrape.
        for (Decoded d : actual) {
            assertThat(d.t()[0]).isZero();
            assertThat(d.t()[d.t().length - 1]).isEqualTo(ShardedReplicas.END);
        }
    }

    @Test
    void withoutDedupEveryReplicaIsItsOwnSeries() {
        StoreQueryable q = fixture.queryable(FanoutOptions.defaults(), QuerySettings.defaults());
        List<Decoded> expected = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            for (int replica = 0; replica < 2; replica++) {
                for (int i = 0; i < ShardedReplicas.SERIES_PER_SHARD; i++) {
                    expected.add(FanoutFixture.replica(shard, replica, i));
                }
            }
        }
        expected.sort((a, b) -> a.labels().compareTo(b.labels()));
        assertSameSeries(FanoutFixture.readAll(q.select(WHOLE, ALL)), expected);
        assertThat(fixture.stores[0].seriesRequests.get(0).getWithoutReplicaLabelsCount()).isZero();
    }

    /** Stores that ignore response_batch_size, split series over frames, or cannot strip replica labels. */
    @Test
    void framingVariantsAndClientSideReplicaStrippingGiveTheSameAnswer() {
        fixture.stores[0].honourBatchSize = false;
        fixture.stores[1].splitSeries = true;
        fixture.stores[2].honourWithoutReplicaLabels = false;
        fixture.stores[3].splitSeries = true;
        fixture.stores[3].honourBatchSize = false;
        List<StoreEndpoint> endpoints = new ArrayList<>(fixture.endpoints);
        StoreEndpoint third = endpoints.get(2);
        endpoints.set(2, new StoreEndpoint(third.address(), third.channel(), new StoreInfo("sidecar",
                third.info().labelSets(), third.info().minTime(), third.info().maxTime(), true, false, false)));
        StoreQueryable q = fixture.queryable(endpoints, FanoutOptions.defaults(), CHAIN);
        assertSameSeries(FanoutFixture.readAll(q.select(WHOLE, ALL)), expectedDeduplicated());
    }

    @Test
    void requestsContradictingExternalLabelsOrTimeRangeNeverReachTheStore() {
        StoreQueryable q = fixture.queryable(FanoutOptions.defaults(), CHAIN);
        List<LabelMatcher> c1 = List.of(ALL.get(0), LabelMatcher.of(LabelMatcher.Type.EQ, "cluster", "c1"));
        List<Decoded> got = FanoutFixture.readAll(q.select(WHOLE, c1));
        assertThat(got).hasSize(ShardedReplicas.SERIES_PER_SHARD).allSatisfy(d ->
                assertThat(d.labels().get("cluster")).isEqualTo("c1"));
        assertThat(fixture.captures[0].count("thanos.Store/Series")).isEqualTo(1);
        assertThat(fixture.captures[1].count("thanos.Store/Series")).isEqualTo(1);
        assertThat(fixture.captures[2].methods).isEmpty();
        assertThat(fixture.captures[3].methods).isEmpty();

        List<LabelMatcher> notR1 = List.of(ALL.get(0), LabelMatcher.of(LabelMatcher.Type.NRE, "replica", "r1|r9"));
        FanoutFixture.readAll(fixture.queryable(FanoutOptions.defaults(), QuerySettings.defaults())
                .select(WHOLE, notR1));
        assertThat(fixture.captures[1].count("thanos.Store/Series")).isEqualTo(1);
        assertThat(fixture.captures[3].methods).isEmpty();

        resetStores();
        SelectHints future = SelectHints.ofRange(ShardedReplicas.END + 1, ShardedReplicas.END + 3_600_000);
        try (var set = q.select(future, ALL)) {
            assertThat(set.next()).isFalse();
            assertThat(set.warnings()).isEmpty();
        }
        for (TenantCapture capture : fixture.captures) {
            assertThat(capture.methods).isEmpty();
        }
    }

    @Test
    void timeRangeCutsSamplesAndTenantHeaderIsSent() {
        StoreQueryable q = fixture.queryable(FanoutOptions.defaults(), CHAIN.withTenant("team-a"));
        long start = 100 * ShardedReplicas.STEP + 1;
        long end = 300 * ShardedReplicas.STEP;
        List<Decoded> got = FanoutFixture.readAll(q.select(SelectHints.ofRange(start, end), ALL));
        assertThat(got).hasSize(2 * ShardedReplicas.SERIES_PER_SHARD).allSatisfy(d -> {
            assertThat(d.t()).hasSize(200);
            assertThat(d.t()[0]).isEqualTo(101 * ShardedReplicas.STEP);
            assertThat(d.t()[199]).isEqualTo(end);
        });
        for (FakeStore store : fixture.stores) {
            assertThat(store.tenants).containsExactly("team-a");
            assertThat(store.seriesRequests.get(0).getMinTime()).isEqualTo(start);
            assertThat(store.seriesRequests.get(0).getMaxTime()).isEqualTo(end);
        }
    }

    @Test
    void storeWarningFramesAreKept() {
        fixture.stores[2].warning = "block 01ABC skipped";
        var set = fixture.queryable(FanoutOptions.defaults(), CHAIN).select(WHOLE, ALL);
        assertSameSeries(FanoutFixture.readAll(set), expectedDeduplicated());
        assertThat(set.warnings()).containsExactly("block 01ABC skipped");
    }

    @Test
    void seriesAndSamplesLimitsFailNamingTheLimit() {
        var overSeries = fixture.queryable(FanoutOptions.defaults().withLimits(10, 0), QuerySettings.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FanoutFixture.readAll(overSeries.select(WHOLE, ALL)))
                .isInstanceOf(io.thanosjava.engine.QueryException.class)
                .hasMessageContaining("limit 10 violated (got 11)")
                .hasMessageContaining("--store.limits.request-series");
        var overSamples = fixture.queryable(FanoutOptions.defaults().withLimits(0, 1000), QuerySettings.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FanoutFixture.readAll(overSamples.select(WHOLE, ALL)))
                .isInstanceOf(io.thanosjava.engine.QueryException.class)
                .hasMessageContaining("failed to send samples: limit 1000 violated")
                .hasMessageContaining("--store.limits.request-samples");
        int total = 4 * ShardedReplicas.SERIES_PER_SHARD;
        var within = fixture.queryable(FanoutOptions.defaults().withLimits(total, total * 6 * 120), QuerySettings.defaults());
        assertThat(FanoutFixture.readAll(within.select(WHOLE, ALL))).hasSize(total);
    }

    @Test
    void labelNamesAndValuesAreMergedSortedDeduplicatedAndFiltered() {
        StoreQueryable q = fixture.queryable(FanoutOptions.defaults(), CHAIN);
        assertThat(q.labelNames(0, ShardedReplicas.END, List.of()).values())
                .containsExactly("__name__", "cluster", "instance", "job", "replica");
        assertThat(q.labelValues("job", 0, ShardedReplicas.END, List.of()).values()).containsExactly("api", "web");
        assertThat(q.labelValues("cluster", 0, ShardedReplicas.END,
                List.of(LabelMatcher.of(LabelMatcher.Type.EQ, "job", "web"))).values()).containsExactly("c2");
        assertThat(q.labelValues("replica", 0, ShardedReplicas.END,
                List.of(LabelMatcher.of(LabelMatcher.Type.EQ, "cluster", "c1"))).values()).containsExactly("r0", "r1");
        assertThat(fixture.captures[2].count("thanos.Store/LabelValues")).isEqualTo(2);
        LabelFanout fanout = new LabelFanout(FanoutOptions.defaults());
        assertThat(fanout.labelValues(fixture.endpoints, "instance", 0, ShardedReplicas.END, List.of(), 3,
                PartialResponseStrategy.WARN, "t").values()).containsExactly("i000", "i001", "i002");
        assertThat(q.labelValues("job", ShardedReplicas.END + 1, ShardedReplicas.END + 2, List.of()).values()).isEmpty();
    }
}
