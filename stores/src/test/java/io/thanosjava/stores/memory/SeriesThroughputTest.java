package io.thanosjava.stores.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.proto.store.LabelMatcher;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreServer;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures how fast one in-memory store streams a whole answer over loopback gRPC to a client that
 * only counts frames (series/s, samples/s carried, bytes/s). Prints the figures; asserts only counts.
 */
@Tag("slow")
class SeriesThroughputTest {
    private static final int SERIES = Integer.getInteger("serve.series", 25_000);
    private static final int SAMPLES = 480;

    @Test
    void streamsAWholeStore() throws Exception {
        InMemoryStoreBuilder b = new InMemoryStoreBuilder();
        SplittableRandom random = new SplittableRandom(3);
        for (int s = 0; s < SERIES; s++) {
            int id = b.series(Labels.of("__name__", "m", "instance", "host-" + (s % 500), "job", "node", "series", Integer.toString(s)));
            double v = 0;
            for (int t = 0; t < SAMPLES; t++) {
                v += random.nextInt(-5, 6);
                b.append(id, t * 15_000L, v);
            }
        }
        Labels external = Labels.of("cluster", "c1", "replica", "a");
        try (StoreServer server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), b.build(), external,
                InfoService.COMPONENT_STORE)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                    .maxInboundMessageSize(Integer.MAX_VALUE).build();
            SeriesRequest request = SeriesRequest.newBuilder().setMinTime(Long.MIN_VALUE).setMaxTime(Long.MAX_VALUE)
                    .addMatchers(LabelMatcher.newBuilder().setName("__name__").setValue("m"))
                    .addWithoutReplicaLabels("replica").setResponseBatchSize(64).build();
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                long series = 0;
                long bytes = 0;
                for (Iterator<SeriesResponse> it = StoreGrpc.newBlockingStub(channel).series(request); it.hasNext(); ) {
                    SeriesResponse r = it.next();
                    series += r.getBatch().getSeriesCount();
                    bytes += r.getSerializedSize();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(series).isEqualTo(SERIES);
                System.out.printf("serve round %d: %d series in %.3f s = %.0f series/s, %.1f M samples/s, %.1f MB/s%n",
                        round, series, seconds, series / seconds, series * (double) SAMPLES / seconds / 1e6, bytes / seconds / 1e6);
            }
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
