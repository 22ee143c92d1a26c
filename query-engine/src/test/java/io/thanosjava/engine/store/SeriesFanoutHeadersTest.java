package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * gRPC modifies a call's headers while starting it and serialises them on the transport's thread, so
 * the calls to several stores must never share one {@link Metadata} (shared, one of them failed to
 * start now and then and its stream waited forever).
 */
class SeriesFanoutHeadersTest {
    @Test
    void everyStoreCallStartsWithItsOwnHeadersCarryingTheTenant() throws Exception {
        List<Metadata> started = new CopyOnWriteArrayList<>();
        ClientInterceptor recorder = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        started.add(headers);
                        super.start(listener, headers);
                    }
                };
            }
        };
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (FanoutFixture fixture = new FanoutFixture()) {
            List<StoreEndpoint> endpoints = new ArrayList<>();
            for (StoreEndpoint e : fixture.endpoints) {
                endpoints.add(new StoreEndpoint(e.address(), ClientInterceptors.intercept(e.channel(), recorder), e.info()));
            }
            SeriesRequest request = SeriesRequest.newBuilder().setMinTime(0).setMaxTime(ShardedReplicas.END)
                    .addMatchers(MatcherConverter.toThanos(
                            LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "http_requests_total")))
                    .build();
            try (ChunkSeriesSet set = new SeriesFanout(FanoutOptions.defaults(), scheduler)
                    .select(endpoints, request, "team-a")) {
                while (set.next()) {
                    set.chunks();
                }
            }
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(started).hasSize(4);
        assertThat(started.stream().distinct().count()).isEqualTo(4);
        for (Metadata headers : started) {
            assertThat(headers.get(SeriesFanout.TENANT_HEADER)).isEqualTo("team-a");
        }
    }
}
