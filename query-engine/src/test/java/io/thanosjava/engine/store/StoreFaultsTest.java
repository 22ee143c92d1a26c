package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.grpc.Server;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.engine.store.FanoutFixture.Decoded;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.SeriesSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Faulty stores next to three healthy ones, over real gRPC: down, hanging, failing mid-stream, sending
 * corrupt chunks or unsorted series. WARN returns the healthy stores' data untouched plus a warning
 * naming the bad store, and never a truncated series; ABORT fails naming it; nothing hangs.
 */
class StoreFaultsTest {
    private static final List<LabelMatcher> ALL = List.of(
            LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "http_requests_total"));
    private static final SelectHints WHOLE = SelectHints.ofRange(0, ShardedReplicas.END);
    private static final FanoutOptions OPTIONS = FanoutOptions.defaults().withResponseTimeout(Duration.ofMillis(1000))
            .withCallTimeout(Duration.ofSeconds(20));
    private static final Duration NO_HANG = Duration.ofSeconds(15);

    private static FanoutFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new FanoutFixture();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    /** The endpoints with store 0 (cluster c1, replica r0) replaced by a faulty one holding the same data. */
    private List<StoreEndpoint> withFaultyFirst(FakeStore.Fault fault) {
        FakeStore bad = new FakeStore(ShardedReplicas.externalLabels(0, 0), ShardedReplicas.store(0, 0));
        bad.fault = fault;
        Server server = fixture.loopback.serve(new TenantCapture(), bad);
        List<StoreEndpoint> endpoints = new ArrayList<>(fixture.endpoints);
        endpoints.set(0, fixture.loopback.endpoint(server, fixture.endpoints.get(0).info()));
        return endpoints;
    }

    private List<StoreEndpoint> withDownFirst() {
        int port = Loopback.closedPort();
        List<StoreEndpoint> endpoints = new ArrayList<>(fixture.endpoints);
        endpoints.set(0, new StoreEndpoint("127.0.0.1:" + port, fixture.loopback.channel(port),
                fixture.endpoints.get(0).info()));
        return endpoints;
    }

    private List<StoreEndpoint> endpointsFor(String fault) {
        return fault.equals("DOWN") ? withDownFirst() : withFaultyFirst(FakeStore.Fault.valueOf(fault));
    }

    /** Expected series of every replica without dedup, by labels. */
    private static Map<io.thanosjava.model.Labels, Decoded> everyReplica() {
        Map<io.thanosjava.model.Labels, Decoded> out = new HashMap<>();
        for (int shard = 0; shard < 2; shard++) {
            for (int replica = 0; replica < 2; replica++) {
                for (int i = 0; i < ShardedReplicas.SERIES_PER_SHARD; i++) {
                    Decoded d = FanoutFixture.replica(shard, replica, i);
                    out.put(d.labels(), d);
                }
            }
        }
        return out;
    }

    enum Fault { DOWN, FAIL_AFTER_HALF, HANG_AFTER_HALF, HANG_AT_START, GARBAGE_CHUNK, UNSORTED }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void warnKeepsOtherStoresCompleteAndNamesTheBadStore(Fault fault) {
        List<StoreEndpoint> endpoints = endpointsFor(fault.name());
        String bad = endpoints.get(0).address();
        StoreQueryable q = fixture.queryable(endpoints, OPTIONS, QuerySettings.defaults());
        List<Decoded> got = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        assertTimeoutPreemptively(NO_HANG, () -> {
            try (SeriesSet set = q.select(WHOLE, ALL)) {
                got.addAll(FanoutFixture.readAll(set));
                warnings.addAll(set.warnings());
            }
        });
        assertThat(warnings).singleElement().asString().contains(bad);
        Map<io.thanosjava.model.Labels, Decoded> expected = everyReplica();
        int fromBadStore = 0;
        for (Decoded d : got) {
            Decoded want = expected.get(d.labels());
            assertThat(want).as("unexpected series %s", d.labels()).isNotNull();
            // Complete or absent: never a truncated series.
            assertThat(d.t()).as("timestamps of %s", d.labels()).containsExactly(want.t());
            assertThat(d.valueBits()).as("values of %s", d.labels()).containsExactly(want.valueBits());
            if ("c1".equals(d.labels().get("cluster")) && "r0".equals(d.labels().get("replica"))) {
                fromBadStore++;
            }
        }
        assertThat(got.size() - fromBadStore).as("series of the healthy stores")
                .isEqualTo(3 * ShardedReplicas.SERIES_PER_SHARD);
        // The bad store's series before its failure were complete and may stay (they are checked above).
        assertThat(fromBadStore).isLessThan(ShardedReplicas.SERIES_PER_SHARD);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void abortFailsNamingTheBadStore(Fault fault) {
        List<StoreEndpoint> endpoints = endpointsFor(fault.name());
        String bad = endpoints.get(0).address();
        StoreQueryable q = fixture.queryable(endpoints, OPTIONS,
                QuerySettings.defaults().withPartialResponse(PartialResponseStrategy.ABORT));
        assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(() -> FanoutFixture.readAll(q.select(WHOLE, ALL)))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining(bad)
                .satisfies(e -> assertThat(((QueryException) e).type()).isEqualTo(QueryException.Type.EXECUTION)));
    }

    @Test
    void hangingStoreIsReportedWithTheResponseTimeout() {
        StoreQueryable q = fixture.queryable(withFaultyFirst(FakeStore.Fault.HANG_AT_START), OPTIONS,
                QuerySettings.defaults());
        try (SeriesSet set = q.select(WHOLE, ALL)) {
            FanoutFixture.readAll(set);
            assertThat(set.warnings()).singleElement().asString()
                    .contains("failed to receive any data in 1s from 127.0.0.1:");
        }
    }

    @Test
    void closingTheResultCancelsStreamsStillRunning() throws InterruptedException {
        FakeStore hanging = new FakeStore(ShardedReplicas.externalLabels(0, 0), ShardedReplicas.store(0, 0));
        hanging.fault = FakeStore.Fault.HANG_AFTER_HALF;
        Server server = fixture.loopback.serve(new TenantCapture(), hanging);
        StoreEndpoint endpoint = fixture.loopback.endpoint(server, fixture.endpoints.get(0).info());
        StoreQueryable q = fixture.queryable(List.of(endpoint), FanoutOptions.defaults(), QuerySettings.defaults());
        SeriesSet set = q.select(WHOLE, ALL);
        assertThat(set.next()).isTrue();
        set.close();
        assertThat(hanging.cancelled.await(5, TimeUnit.SECONDS)).as("store saw the cancellation").isTrue();
    }

    @Test
    void labelCallFailuresFollowThePartialResponseStrategy() {
        List<StoreEndpoint> endpoints = withFaultyFirst(FakeStore.Fault.FAIL_AFTER_HALF);
        String bad = endpoints.get(0).address();
        StoreQueryable warn = fixture.queryable(endpoints, OPTIONS, QuerySettings.defaults());
        var names = warn.labelNames(0, ShardedReplicas.END, List.of());
        assertThat(names.values()).containsExactly("__name__", "cluster", "instance", "job", "replica");
        assertThat(names.warnings()).singleElement().asString()
                .startsWith("fetch label names from store " + bad).contains("label index unavailable");
        StoreQueryable abort = warn.withSettings(QuerySettings.defaults().withPartialResponse(PartialResponseStrategy.ABORT));
        assertThatThrownBy(() -> abort.labelValues("job", 0, ShardedReplicas.END, List.of()))
                .isInstanceOf(QueryException.class).hasMessageContaining(bad);
    }

    @Test
    void noStoresAtAllIsEmptyUnderWarnAndAnErrorUnderAbort() {
        StoreQueryable warn = fixture.queryable(List.of(), OPTIONS, QuerySettings.defaults());
        try (SeriesSet set = warn.select(WHOLE, ALL)) {
            assertThat(set.next()).isFalse();
            assertThat(set.warnings()).isEmpty();
        }
        StoreQueryable abort = warn.withSettings(QuerySettings.defaults().withPartialResponse(PartialResponseStrategy.ABORT));
        assertThatThrownBy(() -> abort.select(WHOLE, ALL)).isInstanceOf(QueryException.class)
                .hasMessage("No StoreAPIs available");
    }
}
