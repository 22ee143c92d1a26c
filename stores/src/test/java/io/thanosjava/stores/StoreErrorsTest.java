package io.thanosjava.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A failing backend is reported with a status code a querier can act on and a message without Java internals. */
class StoreErrorsTest {
    private static final LabelMatcher JOB = LabelMatcher.of(LabelMatcher.Type.EQ, "job", "api");

    @Test
    void anUnavailableBackendAnswersUnavailable() throws Exception {
        assertCallsFail(new BackendUnavailableException("prometheus POST http://p:9090/api/v1/read: unreachable"),
                Status.Code.UNAVAILABLE, "series: prometheus POST http://p:9090/api/v1/read: unreachable",
                "label names: prometheus POST http://p:9090/api/v1/read: unreachable");
    }

    @Test
    void anyOtherFailureAnswersInternalWithItsMessage() throws Exception {
        assertCallsFail(new IllegalStateException("index corrupt"), Status.Code.INTERNAL, "series: index corrupt",
                "label names: index corrupt");
    }

    private static void assertCallsFail(RuntimeException failure, Status.Code code, String seriesMessage,
                                        String labelNamesMessage) throws Exception {
        try (StoreServer server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), new FailingBackend(failure),
                Labels.of("cluster", "c1"), InfoService.COMPONENT_STORE)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            try {
                StoreGrpc.StoreBlockingStub stub = StoreGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
                SeriesRequest series = SeriesRequest.newBuilder().setMinTime(0).setMaxTime(1000)
                        .addMatchers(MatcherConverter.toThanos(JOB)).build();
                assertThatThrownBy(() -> stub.series(series).hasNext())
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(code);
                            assertThat(e.getStatus().getDescription()).isEqualTo(seriesMessage);
                        });
                assertThatThrownBy(() -> stub.labelNames(LabelNamesRequest.newBuilder().setStart(0).setEnd(1000).build()))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(code);
                            assertThat(e.getStatus().getDescription()).isEqualTo(labelNamesMessage);
                        });
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private record FailingBackend(RuntimeException failure) implements StoreBackend {
        @Override
        public long minTime() {
            return 0;
        }

        @Override
        public long maxTime() {
            return 1000;
        }

        @Override
        public SeriesSelection select(List<LabelMatcher> matchers, long mint, long maxt) {
            throw failure;
        }

        @Override
        public List<String> labelNames(List<LabelMatcher> matchers, long mint, long maxt) {
            throw failure;
        }

        @Override
        public List<String> labelValues(String name, List<LabelMatcher> matchers, long mint, long maxt) {
            throw failure;
        }
    }
}
