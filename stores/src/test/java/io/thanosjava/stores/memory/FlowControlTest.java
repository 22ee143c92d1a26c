package io.thanosjava.stores.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.proto.store.LabelMatcher;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreServer;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading holds the server back: about one HTTP/2 flow-control window of
 * frames leaves the server, not the whole answer; reading on delivers everything, and cancelling
 * stops the server.
 */
class FlowControlTest {
    private static final int SERIES = 2000;
    private static final int SAMPLES = 600;
    private static StoreServer server;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        InMemoryStoreBuilder b = new InMemoryStoreBuilder();
        SplittableRandom random = new SplittableRandom(42);
        for (int s = 0; s < SERIES; s++) {
            int id = b.series(Labels.of("__name__", "m", "i", Integer.toString(s)));
            for (int t = 0; t < SAMPLES; t++) {
                b.append(id, t * 15_000L, random.nextDouble()); // full mantissas: about 1 KiB per chunk
            }
        }
        server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), b.build(), Labels.empty(), InfoService.COMPONENT_STORE);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .maxInboundMessageSize(Integer.MAX_VALUE).build();
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void slowReaderBackPressuresTheServer() throws Exception {
        SlowReader reader = new SlowReader();
        long before = server.metrics().framesSent();
        StoreGrpc.newStub(channel).series(request(), reader);
        assertThat(reader.first.await(30, TimeUnit.SECONDS)).isTrue();
        long sentWhilePaused = awaitStable(before);
        // About 5 KiB per frame and a 1 MiB window: a few hundred frames, far from all 2000.
        assertThat(sentWhilePaused).isBetween(1L, SERIES / 4L);

        reader.call.get().request(Integer.MAX_VALUE);
        assertThat(reader.done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.error.get()).isNull();
        assertThat(reader.received.get()).isEqualTo(SERIES);
        assertThat(server.metrics().framesSent() - before).isEqualTo(SERIES);
    }

    @Test
    void cancellingStopsTheServer() throws Exception {
        SlowReader reader = new SlowReader();
        long before = server.metrics().framesSent();
        StoreGrpc.newStub(channel).series(request(), reader);
        assertThat(reader.first.await(30, TimeUnit.SECONDS)).isTrue();
        reader.call.get().cancel("test cancels", null);
        assertThat(reader.done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(awaitStable(before)).isLessThan(SERIES / 4L);
    }

    private static SeriesRequest request() {
        return SeriesRequest.newBuilder().setMinTime(Long.MIN_VALUE).setMaxTime(Long.MAX_VALUE)
                .addMatchers(LabelMatcher.newBuilder().setName("__name__").setValue("m")).build();
    }

    /** Frames sent since {@code before}, once the count has stopped moving for a while. */
    private static long awaitStable(long before) throws InterruptedException {
        long last = -1;
        long now = server.metrics().framesSent();
        while (now != last) {
            last = now;
            Thread.sleep(500);
            now = server.metrics().framesSent();
        }
        return now - before;
    }

    /** Asks for one message, then for nothing until the test says so. */
    private static final class SlowReader implements ClientResponseObserver<SeriesRequest, SeriesResponse> {
        final AtomicReference<ClientCallStreamObserver<SeriesRequest>> call = new AtomicReference<>();
        final CountDownLatch first = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicInteger received = new AtomicInteger();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        @Override
        public void beforeStart(ClientCallStreamObserver<SeriesRequest> requestStream) {
            call.set(requestStream);
            requestStream.disableAutoRequestWithInitial(1);
        }

        @Override
        public void onNext(SeriesResponse value) {
            received.incrementAndGet();
            first.countDown();
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
            done.countDown();
        }

        @Override
        public void onCompleted() {
            done.countDown();
        }
    }
}
