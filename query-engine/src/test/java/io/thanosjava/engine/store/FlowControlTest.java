package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.XorChunks;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import io.thanosjava.storeapi.grpc.SnappyFramedCodec;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A fast store is held back by the consumer's pace; compression uses Thanos' snappy framing. */
class FlowControlTest {
    private static final int FRAMES = 3_000;

    /** Sends one series per frame, only while gRPC says the client can take more. */
    static final class FloodStore extends StoreGrpc.StoreImplBase {
        final AtomicInteger sent = new AtomicInteger();
        final List<String> encodings = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Series.Builder template = Series.newBuilder().addChunks(ChunkConverter.toThanosRaw(bigChunk()));

        /** About 10 KB of XOR data, so that the frames outgrow HTTP/2's connection window many times over. */
        private static io.thanosjava.model.chunk.Chunk bigChunk() {
            int n = 1000;
            long[] t = new long[n];
            double[] v = new double[n];
            java.util.Random random = new java.util.Random(42);
            for (int i = 0; i < n; i++) {
                t[i] = i * 15_000L;
                v[i] = random.nextDouble();
            }
            return new io.thanosjava.model.chunk.Chunk(0, t[n - 1], 0, XorChunks.encode(t, v, n));
        }

        @Override
        public void series(SeriesRequest request, StreamObserver<SeriesResponse> responseObserver) {
            ServerCallStreamObserver<SeriesResponse> observer = (ServerCallStreamObserver<SeriesResponse>) responseObserver;
            observer.setOnReadyHandler(() -> {
                while (observer.isReady() && sent.get() < FRAMES) {
                    int i = sent.getAndIncrement();
                    Labels labels = Labels.of("__name__", "flood", "i", Integer.toString(100_000_000 + i));
                    observer.onNext(SeriesResponse.newBuilder().setSeries(template.clone().clearLabels()
                            .addAllLabels(LabelsConverter.toThanos(labels))).build());
                }
                if (sent.get() == FRAMES) {
                    sent.incrementAndGet();
                    observer.onCompleted();
                }
            });
        }
    }

    private static SeriesRequest request() {
        return SeriesRequest.newBuilder().setMinTime(0).setMaxTime(Long.MAX_VALUE)
                .addMatchers(MatcherConverter.toThanos(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "flood")))
                .build();
    }

    @Test
    void aSlowConsumerHoldsAFastStoreBack() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Loopback loopback = new Loopback()) {
            FloodStore store = new FloodStore();
            Server server = loopback.serve(new TenantCapture(), store);
            StoreEndpoint endpoint = loopback.endpoint(server, StoreInfo.store(List.of(), 0, 100_000));
            SeriesFanout fanout = new SeriesFanout(FanoutOptions.defaults(), scheduler);
            try (ChunkSeriesSet set = fanout.select(List.of(endpoint), request(), "t")) {
                assertThat(set.next()).isTrue();
                Thread.sleep(1000);
                int sentWhileWaiting = store.sent.get();
                assertThat(sentWhileWaiting).as("frames the store could push while the consumer paused")
                        .isLessThan(FRAMES / 2);
                int read = 1;
                while (set.next()) {
                    read++;
                }
                assertThat(read).isEqualTo(FRAMES);
                assertThat(set.warnings()).isEmpty();
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void snappyCompressedCallsUseTheFramingCodec() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Loopback loopback = new Loopback()) {
            FloodStore store = new FloodStore();
            TenantCapture capture = new TenantCapture();
            io.grpc.ServerInterceptor encodingRecorder = new io.grpc.ServerInterceptor() {
                @Override
                public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call,
                        io.grpc.Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
                    store.encodings.add(String.valueOf(headers.get(
                            io.grpc.Metadata.Key.of("grpc-encoding", io.grpc.Metadata.ASCII_STRING_MARSHALLER))));
                    return next.startCall(call, headers);
                }
            };
            Server server = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
                    .forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
                    .decompressorRegistry(SnappyFramedCodec.decompressorRegistry())
                    .compressorRegistry(SnappyFramedCodec.compressorRegistry())
                    .addService(io.grpc.ServerInterceptors.intercept(store, capture, encodingRecorder))
                    .build().start();
            try {
                var channel = GrpcChannels.withCompression(loopback.channel(server.getPort()),
                        ClientTransportOptions.Compression.SNAPPY);
                StoreEndpoint endpoint = new StoreEndpoint(Loopback.address(server), channel,
                        StoreInfo.store(List.of(), 0, 100_000));
                SeriesFanout fanout = new SeriesFanout(FanoutOptions.defaults(), scheduler);
                int read = 0;
                try (ChunkSeriesSet set = fanout.select(List.of(endpoint), request(), "t")) {
                    while (set.next()) {
                        read++;
                    }
                }
                assertThat(read).isEqualTo(FRAMES);
                assertThat(store.encodings).containsExactly("snappy");
            } finally {
                server.shutdownNow();
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
