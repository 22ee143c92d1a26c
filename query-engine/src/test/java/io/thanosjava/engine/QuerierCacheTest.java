package io.thanosjava.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ParseException;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.info.StoreInfo;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelNamesResponse;
import io.thanosjava.storeapi.proto.store.LabelValuesRequest;
import io.thanosjava.storeapi.proto.store.LabelValuesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The querier's caches: parsed expressions and selectors, and each endpoint's label answers (over real
 * loopback gRPC, with a controlled clock): hits counted in the registry, bounded size, expiry, and a changed
 * label value never hidden for longer than the configured time.
 */
class QuerierCacheTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong();
    private final LabelStore store = new LabelStore();
    private Server server;
    private Querier querier;

    @BeforeEach
    void startStore() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(store).addService(new StoreOnlyInfo()).build().start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (querier != null) {
            querier.close();
        }
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private Querier.Builder overTheStore() {
        return Querier.builder().endpoints(List.of("127.0.0.1:" + server.getPort())).meterRegistry(registry)
                .ticker(nanos::get);
    }

    private double gets(String cache, String result) {
        return registry.get("cache.gets").tag("cache", cache).tag("result", result).functionCounter().count();
    }

    private double size(String cache) {
        return registry.get("cache.size").tag("cache", cache).gauge().value();
    }

    private List<String> jobs() {
        return querier.labelValues("job", LabelsQuery.of(0, 1000)).values();
    }

    @Test
    void repeatedQueriesAndSelectorsAreParsedOnce() {
        querier = Querier.builder().queryable(InMemoryQueryable.builder()
                .add(Labels.of("__name__", "up", "job", "api"), new long[] {0}, new double[] {1}).build())
                .meterRegistry(registry).build();
        for (int i = 0; i < 3; i++) {
            querier.instantQuery("sum(up)", 0);
            querier.series(SeriesQuery.of(List.of("up{job=~\"a.*\"}"), 0, 10));
        }
        assertThat(gets("promql_expressions", "miss")).isEqualTo(1);
        assertThat(gets("promql_expressions", "hit")).isEqualTo(2);
        assertThat(gets("series_selectors", "miss")).isEqualTo(1);
        assertThat(gets("series_selectors", "hit")).isEqualTo(2);
    }

    @Test
    void textsThatDoNotParseAreNotKept() {
        querier = Querier.builder().queryable(InMemoryQueryable.builder().build()).meterRegistry(registry).build();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> querier.instantQuery("sum(", 0)).isInstanceOf(ParseException.class);
        }
        assertThat(gets("promql_expressions", "hit")).isZero();
        assertThat(size("promql_expressions")).isZero();
    }

    @Test
    void parseCachesAreBounded() {
        querier = Querier.builder().queryable(InMemoryQueryable.builder().build()).meterRegistry(registry)
                .queryCacheSize(3).matcherCacheSize(2).build();
        for (int i = 0; i < 50; i++) {
            querier.instantQuery("up + " + i, 0);
            querier.series(SeriesQuery.of(List.of("up{i=\"" + i + "\"}"), 0, 10));
        }
        assertThat(size("promql_expressions")).isLessThanOrEqualTo(3);
        assertThat(size("series_selectors")).isLessThanOrEqualTo(2);
        assertThat(registry.get("cache.evictions").tag("cache", "promql_expressions").functionCounter().count())
                .isGreaterThanOrEqualTo(47);
    }

    @Test
    void disabledParseCachesStillAnswer() {
        querier = Querier.builder().queryable(InMemoryQueryable.builder().build()).meterRegistry(registry)
                .queryCacheSize(0).matcherCacheSize(0).build();
        assertThat(querier.instantQuery("1 + 1", 0).value()).isEqualTo(new Value.Scalar(0, 2));
        assertThat(registry.find("cache.gets").tag("cache", "promql_expressions").functionCounter()).isNull();
    }

    @Test
    void anEndpointsLabelAnswerIsReusedWithinTheTtl() {
        querier = overTheStore().labelCacheTtl(TTL).build();
        store.values = List.of("api");
        assertThat(jobs()).containsExactly("api");
        assertThat(jobs()).containsExactly("api");
        assertThat(store.valueCalls.get()).isEqualTo(1);
        assertThat(gets("endpoint_labels", "hit")).isEqualTo(1);
        assertThat(gets("endpoint_labels", "miss")).isEqualTo(1);

        // Another request (time range) is another entry.
        querier.labelValues("job", LabelsQuery.of(0, 2000));
        assertThat(store.valueCalls.get()).isEqualTo(2);
        querier.labelNames(LabelsQuery.of(0, 1000));
        querier.labelNames(LabelsQuery.of(0, 1000));
        assertThat(store.nameCalls.get()).isEqualTo(1);
    }

    @Test
    void aChangedLabelValueShowsOnceTheTtlHasPassed() {
        querier = overTheStore().labelCacheTtl(TTL).build();
        store.values = List.of("api");
        assertThat(jobs()).containsExactly("api");
        store.values = List.of("api", "web");
        nanos.set(TTL.toNanos() - 1);
        assertThat(jobs()).as("within the TTL the earlier answer may be served").containsExactly("api");
        nanos.set(TTL.toNanos());
        assertThat(jobs()).as("never older than the TTL").containsExactly("api", "web");
        assertThat(store.valueCalls.get()).isEqualTo(2);
    }

    @Test
    void answersWithWarningsAreNotKept() {
        querier = overTheStore().labelCacheTtl(TTL).build();
        store.values = List.of("api");
        store.warning = "index partially unavailable";
        assertThat(querier.labelValues("job", LabelsQuery.of(0, 1000)).warnings()).containsExactly(store.warning);
        querier.labelValues("job", LabelsQuery.of(0, 1000));
        assertThat(store.valueCalls.get()).isEqualTo(2);
    }

    @Test
    void theLabelCacheIsBoundedAndCanBeDisabled() {
        querier = overTheStore().labelCacheTtl(TTL).labelCacheSize(2).build();
        store.values = List.of("x");
        for (int i = 0; i < 20; i++) {
            querier.labelValues("l" + i, LabelsQuery.of(0, 1000));
        }
        assertThat(size("endpoint_labels")).isLessThanOrEqualTo(2);
        querier.close();

        SimpleMeterRegistry none = new SimpleMeterRegistry();
        querier = Querier.builder().endpoints(List.of("127.0.0.1:" + server.getPort())).meterRegistry(none)
                .labelCacheTtl(Duration.ZERO).build();
        int before = store.valueCalls.get();
        jobs();
        jobs();
        assertThat(store.valueCalls.get()).isEqualTo(before + 2);
        assertThat(none.find("cache.gets").tag("cache", "endpoint_labels").functionCounter()).isNull();
    }

    /** A store whose label values the test changes, counting the calls it gets. */
    private static final class LabelStore extends StoreGrpc.StoreImplBase {
        volatile List<String> values = List.of();
        volatile String warning;
        final AtomicInteger valueCalls = new AtomicInteger();
        final AtomicInteger nameCalls = new AtomicInteger();

        @Override
        public void labelValues(LabelValuesRequest request, StreamObserver<LabelValuesResponse> observer) {
            valueCalls.incrementAndGet();
            LabelValuesResponse.Builder response = LabelValuesResponse.newBuilder();
            values.forEach(v -> response.addValues(ByteString.copyFromUtf8(v)));
            if (warning != null) {
                response.addWarnings(warning);
            }
            observer.onNext(response.build());
            observer.onCompleted();
        }

        @Override
        public void labelNames(LabelNamesRequest request, StreamObserver<LabelNamesResponse> observer) {
            nameCalls.incrementAndGet();
            observer.onNext(LabelNamesResponse.newBuilder().addNames(ByteString.copyFromUtf8("job")).build());
            observer.onCompleted();
        }
    }

    /** Announces a plain store over all time. */
    private static final class StoreOnlyInfo extends InfoGrpc.InfoImplBase {
        @Override
        public void info(InfoRequest request, StreamObserver<InfoResponse> observer) {
            observer.onNext(InfoResponse.newBuilder().setComponentType("store")
                    .setStore(StoreInfo.newBuilder().setMinTime(Long.MIN_VALUE).setMaxTime(Long.MAX_VALUE)).build());
            observer.onCompleted();
        }
    }
}
