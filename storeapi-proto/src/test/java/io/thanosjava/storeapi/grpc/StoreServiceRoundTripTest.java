package io.thanosjava.storeapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.info.StoreInfo;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelNamesResponse;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generated stubs serve and call the StoreAPI and Info services end to end. */
class StoreServiceRoundTripTest {
    private static final Labels SERIES_A = Labels.of("__name__", "up", "job", "api");
    private static final Labels SERIES_B = Labels.of("__name__", "up", "job", "web");
    private static final Chunk CHUNK = new Chunk(1000, 2000, Chunk.XOR, new byte[] {0, 1, 2, 3, 4});

    @Test
    void inProcessStoreAndInfo() throws Exception {
        String name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name).directExecutor()
                .compressorRegistry(SnappyFramedCodec.compressorRegistry())
                .decompressorRegistry(SnappyFramedCodec.decompressorRegistry())
                .addService(new FakeStore()).addService(new FakeInfo()).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor()
                .compressorRegistry(SnappyFramedCodec.compressorRegistry())
                .decompressorRegistry(SnappyFramedCodec.decompressorRegistry())
                .build();
        try {
            assertSeriesAndInfo(channel);
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }

    /** Over real HTTP/2 on loopback the client's snappy-compressed request reaches the server and decodes. */
    @Test
    void loopbackWithSnappyCompression() throws Exception {
        ConcurrentLinkedQueue<String> encodings = new ConcurrentLinkedQueue<>();
        ServerInterceptor recordEncoding = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                encodings.add(String.valueOf(headers.get(Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER))));
                call.setCompression(SnappyFramedCodec.NAME);
                return next.startCall(call, headers);
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .compressorRegistry(SnappyFramedCodec.compressorRegistry())
                .decompressorRegistry(SnappyFramedCodec.decompressorRegistry())
                .addService(ServerInterceptors.intercept(new FakeStore(), recordEncoding))
                .addService(new FakeInfo())
                .build().start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
                .compressorRegistry(SnappyFramedCodec.compressorRegistry())
                .decompressorRegistry(SnappyFramedCodec.decompressorRegistry())
                .build();
        try {
            assertSeriesAndInfo(channel);
            assertThat(encodings).isNotEmpty().allMatch("snappy"::equals);
        } finally {
            channel.shutdownNow();
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void assertSeriesAndInfo(ManagedChannel channel) {
        StoreGrpc.StoreBlockingStub store = StoreGrpc.newBlockingStub(channel).withCompression(SnappyFramedCodec.NAME);
        SeriesRequest request = SeriesRequest.newBuilder()
                .setMinTime(0).setMaxTime(5000)
                .addMatchers(MatcherConverter.toThanos(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "up")))
                .build();
        List<Labels> labels = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Iterator<SeriesResponse> it = store.series(request); it.hasNext(); ) {
            SeriesResponse r = it.next();
            if (r.hasSeries()) {
                labels.add(LabelsConverter.fromThanos(r.getSeries().getLabelsList()));
                Chunk chunk = ChunkConverter.fromThanosRaw(r.getSeries().getChunks(0));
                assertThat(chunk.data()).isEqualTo(CHUNK.data());
                assertThat(chunk.maxTime()).isEqualTo(CHUNK.maxTime());
            } else {
                warnings.add(r.getWarning());
            }
        }
        assertThat(labels).containsExactly(SERIES_A, SERIES_B);
        assertThat(warnings).containsExactly("matched up");

        LabelNamesResponse names = store.labelNames(LabelNamesRequest.newBuilder().setStart(0).setEnd(1).build());
        assertThat(names.getNamesList()).extracting(b -> b.toStringUtf8()).containsExactly("__name__", "job");

        InfoResponse info = InfoGrpc.newBlockingStub(channel).info(InfoRequest.getDefaultInstance());
        assertThat(info.getComponentType()).isEqualTo("store");
        assertThat(info.hasStore()).isTrue();
        assertThat(info.getStore().getMaxTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(info.hasRules()).isFalse();
        assertThat(LabelsConverter.fromLabelSet(info.getLabelSets(0))).isEqualTo(Labels.of("cluster", "eu"));
    }

    private static final class FakeStore extends StoreGrpc.StoreImplBase {
        @Override
        public void series(SeriesRequest request, StreamObserver<SeriesResponse> out) {
            LabelMatcher m = MatcherConverter.fromThanos(request.getMatchers(0));
            for (Labels l : List.of(SERIES_A, SERIES_B)) {
                if (m.matches(l)) {
                    out.onNext(SeriesResponse.newBuilder().setSeries(Series.newBuilder()
                            .addAllLabels(LabelsConverter.toThanos(l))
                            .addChunks(ChunkConverter.toThanosRaw(CHUNK))).build());
                }
            }
            out.onNext(SeriesResponse.newBuilder().setWarning("matched " + m.value()).build());
            out.onCompleted();
        }

        @Override
        public void labelNames(LabelNamesRequest request, StreamObserver<LabelNamesResponse> out) {
            out.onNext(LabelNamesResponse.newBuilder()
                    .addNames(com.google.protobuf.ByteString.copyFromUtf8("__name__"))
                    .addNames(com.google.protobuf.ByteString.copyFromUtf8("job"))
                    .build());
            out.onCompleted();
        }
    }

    private static final class FakeInfo extends InfoGrpc.InfoImplBase {
        @Override
        public void info(InfoRequest request, StreamObserver<InfoResponse> out) {
            out.onNext(InfoResponse.newBuilder()
                    .setComponentType("store")
                    .addLabelSets(LabelsConverter.toZLabelSet(Labels.of("cluster", "eu")))
                    .setStore(StoreInfo.newBuilder().setMinTime(0).setMaxTime(Long.MAX_VALUE)
                            .setSupportsSharding(true).setSupportsWithoutReplicaLabels(true))
                    .build());
            out.onCompleted();
        }
    }
}
