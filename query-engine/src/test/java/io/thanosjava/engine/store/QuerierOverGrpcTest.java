package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Attributes;
import io.grpc.Server;
import io.grpc.ServerTransportFilter;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thanosjava.engine.CancelHandle;
import io.thanosjava.engine.DedupFunction;
import io.thanosjava.engine.EndpointState;
import io.thanosjava.engine.InstantQuery;
import io.thanosjava.engine.LabelsQuery;
import io.thanosjava.engine.PartialResponse;
import io.thanosjava.engine.Querier;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.RangeQuery;
import io.thanosjava.engine.RequestOptions;
import io.thanosjava.engine.SeriesQuery;
import io.thanosjava.engine.StoreApiServer;
import io.thanosjava.engine.Value;
import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.engine.store.FanoutFixture.Decoded;
import io.thanosjava.model.Labels;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Querier} facade over real loopback gRPC: four fake stores (2 shards x 2 replicas), endpoint
 * discovery, dedup, {@code storeMatch[]}, partial response, metrics, stacking through its own StoreAPI,
 * cancellation and a clean close.
 */
class QuerierOverGrpcTest {
    private static final long END = ShardedReplicas.END;
    private static final long STEP = ShardedReplicas.STEP;
    private static final String SERIES = "http_requests_total{instance=\"i003\"}";

    private static Loopback loopback;
    private static final FakeStore[] stores = new FakeStore[4];
    private static final List<String> addresses = new ArrayList<>();

    private final List<Querier> queriers = new ArrayList<>();

    @BeforeAll
    static void start() {
        loopback = new Loopback();
        for (int shard = 0; shard < 2; shard++) {
            for (int replica = 0; replica < 2; replica++) {
                int k = shard * 2 + replica;
                Labels external = ShardedReplicas.externalLabels(shard, replica);
                stores[k] = new FakeStore(external, ShardedReplicas.store(shard, replica));
                Server server = loopback.serve(new TenantCapture(), stores[k], new FakeInfo("sidecar", external, 0, END));
                addresses.add(Loopback.address(server));
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        loopback.close();
    }

    @BeforeEach
    void healthyStores() {
        for (FakeStore store : stores) {
            store.fault = FakeStore.Fault.NONE;
            store.seriesRequests.clear();
        }
    }

    @AfterEach
    void closeQueriers() {
        queriers.forEach(Querier::close);
    }

    private Querier track(Querier q) {
        queriers.add(q);
        return q;
    }

    private Querier allStores(DedupFunction dedup) {
        return track(Querier.builder().endpoints(addresses).replicaLabels(List.of("replica")).dedupFunction(dedup).build());
    }

    /** Chain dedup of replicas with different gaps is each shard's complete series. */
    private static void assertComplete(Value.Series s, int shard, int i) {
        assertThat(s.labels()).isEqualTo(ShardedReplicas.seriesLabels(shard, i).toBuilder()
                .set("cluster", ShardedReplicas.CLUSTERS[shard]).build());
        assertThat(s.size()).isEqualTo(ShardedReplicas.SAMPLES);
        for (int k = 0; k < s.size(); k++) {
            assertThat(s.timestamp(k)).isEqualTo(k * STEP);
            assertThat(s.value(k)).isEqualTo(ShardedReplicas.value(shard, i, k));
        }
    }

    @Test
    void replicasAcrossEndpointsAreDeduplicated() {
        Querier q = allStores(DedupFunction.CHAIN);
        assertThat(q.ready()).isTrue();
        assertThat(q.endpoints()).extracting(EndpointState::address).containsExactlyElementsOf(addresses);
        assertThat(q.endpoints()).allSatisfy(e -> {
            assertThat(e.healthy()).isTrue();
            assertThat(e.componentType()).isEqualTo("sidecar");
            assertThat(e.maxTime()).isEqualTo(END);
            assertThat(e.lastError()).isEmpty();
        });
        QueryResult r = q.rangeQuery(SERIES, 0, END, STEP);
        Value.Matrix m = (Value.Matrix) r.value();
        assertThat(m.size()).isEqualTo(2);
        assertComplete(m.series(0), 0, 3);
        assertComplete(m.series(1), 1, 3);
        assertThat(r.warnings()).isEmpty();

        assertThat(q.series(SeriesQuery.of(List.of("http_requests_total"), 0, END)).series())
                .hasSize(2 * ShardedReplicas.SERIES_PER_SHARD)
                .allSatisfy(l -> assertThat(l.get("replica")).isNull());
        assertThat(q.labelValues("replica", LabelsQuery.of(0, END)).values()).containsExactly("r0", "r1");
    }

    @Test
    void inProcessDataIsDeduplicatedWithTheEndpointsReplica() {
        InMemoryQueryable.Builder otherReplica = InMemoryQueryable.builder();
        for (int i = 0; i < ShardedReplicas.SERIES_PER_SHARD; i++) {
            Decoded d = FanoutFixture.replica(0, 1, i);
            double[] v = new double[d.t().length];
            for (int k = 0; k < v.length; k++) {
                v[k] = Double.longBitsToDouble(d.valueBits()[k]);
            }
            otherReplica.add(d.labels(), d.t(), v);
        }
        Querier q = track(Querier.builder().endpoints(List.of(addresses.get(0))).queryable(otherReplica.build())
                .replicaLabels(List.of("replica")).dedupFunction(DedupFunction.CHAIN).build());
        Value.Matrix m = (Value.Matrix) q.rangeQuery(SERIES, 0, END, STEP).value();
        assertThat(m.size()).isEqualTo(1);
        assertComplete(m.series(0), 0, 3);

        Value.Matrix raw = (Value.Matrix) q.rangeQuery(new RangeQuery(SERIES, 0, END, STEP,
                RequestOptions.DEFAULT.withDedup(false))).value();
        assertThat(raw.series()).extracting(s -> s.labels().get("replica")).containsExactly("r0", "r1");
    }

    @Test
    void storeMatchersPickEndpointsByAddressOrExternalLabels() {
        Querier q = allStores(DedupFunction.PENALTY);
        RequestOptions firstStore = RequestOptions.DEFAULT.withDedup(false)
                .withStoreMatchers(List.of("{__address__=\"" + addresses.get(0) + "\"}"));
        Value.Vector v = (Value.Vector) q.instantQuery(new InstantQuery(SERIES, END, firstStore)).value();
        assertThat(v.size()).isEqualTo(1);
        assertThat(v.label(0).get("replica")).isEqualTo("r0");
        assertThat(v.label(0).get("cluster")).isEqualTo("c1");

        RequestOptions secondShard = RequestOptions.DEFAULT.withStoreMatchers(List.of("{cluster=\"c2\"}"));
        assertThat(q.series(SeriesQuery.of(List.of("http_requests_total"), 0, END).withOptions(secondShard)).series())
                .hasSize(ShardedReplicas.SERIES_PER_SHARD).allSatisfy(l -> assertThat(l.get("cluster")).isEqualTo("c2"));
    }

    @Test
    void aFailingStoreIsAWarningOrAnErrorAsAsked() {
        Querier q = allStores(DedupFunction.PENALTY);
        stores[0].fault = FakeStore.Fault.FAIL_AFTER_HALF;
        QueryResult warned = q.instantQuery(SERIES, END);
        assertThat(warned.warnings()).anySatisfy(w -> assertThat(w).contains(addresses.get(0)));
        assertThat(((Value.Vector) warned.value()).size()).isEqualTo(2);

        assertThatThrownBy(() -> q.instantQuery(new InstantQuery("http_requests_total", END,
                RequestOptions.DEFAULT.withPartialResponse(PartialResponse.ABORT))))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.EXECUTION))
                .hasMessageContaining(addresses.get(0));
    }

    @Test
    void clientAndCacheMetricsGoToTheRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Querier q = track(Querier.builder().endpoints(addresses).replicaLabels(List.of("replica")).meterRegistry(registry)
                .build());
        q.instantQuery(SERIES, END);
        q.instantQuery(SERIES, END);
        assertThat(registry.get("grpc_client_started_total").tag("endpoint", addresses.get(0))
                .tag("grpc_method", "Series").counter().count()).isEqualTo(2);
        assertThat(registry.get("grpc_client_handled_total").tag("endpoint", addresses.get(0))
                .tag("grpc_method", "Info").tag("grpc_code", "OK").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("cache.gets").tag("cache", "promql_expressions").tag("result", "hit")
                .functionCounter().count()).isEqualTo(1);
    }

    @Test
    void aQuerierServesItsMergedViewToAStackedQuerier() throws Exception {
        Querier leaf = allStores(DedupFunction.PENALTY);
        StoreApiServer server = leaf.serveStoreApi(new InetSocketAddress("127.0.0.1", 0));
        Querier top = track(Querier.builder().endpoints(List.of("127.0.0.1:" + server.port()))
                .replicaLabels(List.of("replica")).build());
        assertThat(top.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.componentType()).isEqualTo("query");
            assertThat(e.labelSets()).hasSize(4);
        });
        for (String expr : new String[] {SERIES, "sum by (cluster) (rate(http_requests_total[5m]))", "count(http_requests_total)"}) {
            assertThat(top.rangeQuery(expr, 0, END, 60_000).value()).as(expr)
                    .usingRecursiveComparison().isEqualTo(leaf.rangeQuery(expr, 0, END, 60_000).value());
        }
        assertThat(top.labelValues("instance", LabelsQuery.of(0, END)))
                .isEqualTo(leaf.labelValues("instance", LabelsQuery.of(0, END)));
        server.close();
    }

    @Test
    void cancellingAnAsyncQueryCancelsItsStoreCalls() throws Exception {
        Querier q = allStores(DedupFunction.PENALTY);
        stores[1].fault = FakeStore.Fault.HANG_AT_START;
        var future = q.instantQueryAsync(InstantQuery.of(SERIES, END));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stores[1].seriesRequests.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(future.cancel(true)).isTrue();
        assertThat(stores[1].cancelled.await(10, TimeUnit.SECONDS)).as("the hanging store call was cancelled").isTrue();
    }

    @Test
    void cancellingASynchronousQueryCancelsItsStoreCallsAndLeavesTheThreadUninterrupted() throws Exception {
        Querier q = allStores(DedupFunction.PENALTY);
        stores[1].fault = FakeStore.Fault.HANG_AT_START;
        CancelHandle cancel = new CancelHandle();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptedAfterwards = new AtomicBoolean(true);
        Thread caller = new Thread(() -> {
            try {
                q.instantQuery(InstantQuery.of(SERIES, END).withOptions(RequestOptions.DEFAULT.withCancel(cancel)));
            } catch (RuntimeException e) {
                failure.set(e);
            }
            interruptedAfterwards.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stores[1].seriesRequests.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        cancel.cancel();
        assertThat(stores[1].cancelled.await(10, TimeUnit.SECONDS)).as("the hanging store call was cancelled").isTrue();
        caller.join(10_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.type()).isEqualTo(QueryException.Type.CANCELED));
        assertThat(interruptedAfterwards).as("the cancel's interrupt does not outlive the query").isFalse();
    }

    @Test
    void closeShutsEveryConnectionAndLeavesNoNonDaemonThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        AtomicInteger open = new AtomicInteger();
        Server counted = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new FakeStore(ShardedReplicas.externalLabels(0, 0), ShardedReplicas.store(0, 0)))
                .addService(new FakeInfo("store", ShardedReplicas.externalLabels(0, 0), 0, END))
                .addTransportFilter(new ServerTransportFilter() {
                    @Override
                    public Attributes transportReady(Attributes attributes) {
                        open.incrementAndGet();
                        return attributes;
                    }

                    @Override
                    public void transportTerminated(Attributes attributes) {
                        open.decrementAndGet();
                    }
                })
                .build().start();
        try {
            Querier q = Querier.builder().endpoints(List.of(Loopback.address(counted))).build();
            q.instantQuery(SERIES, END);
            assertThat(open.get()).isEqualTo(1);
            q.close();
            assertThat(q.ready()).isFalse();
            assertThat(q.endpoints()).isEmpty();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (open.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(open.get()).as("connections left open").isZero();
        } finally {
            counted.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        Set<String> leftover = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && (!t.isDaemon() || t.getName().startsWith("querier-")))
                .map(Thread::getName).collect(Collectors.toSet());
        assertThat(leftover).isEmpty();
    }

    @Test
    void unknownEndpointAddressesFailTheBuild() {
        assertThatThrownBy(() -> Querier.builder().endpoints(List.of("nope+x:1")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Querier.builder().storeResponseTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
