package io.thanosjava.benchmarks.fanout;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.engine.store.ClientTransportOptions;
import io.thanosjava.engine.store.FanoutOptions;
import io.thanosjava.engine.store.GrpcChannels;
import io.thanosjava.engine.store.SeriesFanout;
import io.thanosjava.engine.store.StoreEndpoint;
import io.thanosjava.engine.store.StoreInfo;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.XorAppender;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesBatch;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fan-in over loopback gRPC: {@code stores} StoreAPI servers in this process, each holding
 * {@code series} series of {@code samples} samples (XOR chunks of 120) under its own external label,
 * streaming batch frames of 64 series with flow control; the client fans one Series request out to all
 * and reads the merged stream to the end. Reports series/s and samples/s carried (samples inside the
 * received chunks) and the peak heap, per round; {@link #verify} checks every round saw every series and
 * chunk. Server and client share the machine's cores, as on a querier host running next to its stores.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar io.thanosjava.benchmarks.fanout.FanInHarness
 * [stores] [series] [samples] [rounds] [verifyChunks]}.
 */
public final class FanInHarness {
    private static final int BATCH = 64;
    private static final int SAMPLES_PER_CHUNK = 120;

    private FanInHarness() {
    }

    public static void main(String[] args) throws Exception {
        int stores = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int series = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 480;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean verifyChunks = args.length > 4 ? Boolean.parseBoolean(args[4]) : true;

        List<Server> servers = new ArrayList<>();
        List<ManagedChannel> channels = new ArrayList<>();
        List<StoreEndpoint> endpoints = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int s = 0; s < stores; s++) {
                List<SeriesResponse> frames = frames(s, series, samples);
                Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .maxInboundMessageSize(Integer.MAX_VALUE)
                        .addService(new FramesStore(frames)).build().start();
                servers.add(server);
                ManagedChannel channel = GrpcChannels.open("127.0.0.1", server.getPort(),
                        ClientTransportOptions.plaintext());
                channels.add(channel);
                endpoints.add(new StoreEndpoint("127.0.0.1:" + server.getPort(), channel,
                        StoreInfo.store(List.of(Labels.of("store", "s" + s)), Long.MIN_VALUE, Long.MAX_VALUE)));
            }
            SeriesFanout fanout = new SeriesFanout(FanoutOptions.defaults().withVerifyChunks(verifyChunks), scheduler);
            SeriesRequest request = SeriesRequest.newBuilder().setMinTime(Long.MIN_VALUE).setMaxTime(Long.MAX_VALUE)
                    .addMatchers(MatcherConverter.toThanos(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "bench")))
                    .build();
            long expectedSeries = (long) stores * series;
            long expectedChunks = expectedSeries * ((samples + SAMPLES_PER_CHUNK - 1) / SAMPLES_PER_CHUNK);
            System.out.printf(Locale.ROOT, "fan-in: %d stores x %d series x %d samples, verifyChunks=%s%n",
                    stores, series, samples, verifyChunks);
            for (int round = 0; round < rounds; round++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                long[] counts = readAll(fanout.select(endpoints, request, "default-tenant"));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                verify(counts, expectedSeries, expectedChunks);
                long carried = expectedSeries * samples;
                System.out.printf(Locale.ROOT,
                        "round %d: %.3f s wall, %.0f series/s, %.1f M samples/s; %.2f CPU-s (stores + client)"
                                + " = %.0f series/CPU-s, %.1f M samples/CPU-s; peak heap %d MiB%n",
                        round, seconds, expectedSeries / seconds, carried / seconds / 1e6, cpuSeconds,
                        expectedSeries / cpuSeconds, carried / cpuSeconds / 1e6, peakHeap() >> 20);
            }
        } finally {
            for (ManagedChannel c : channels) {
                c.shutdownNow();
            }
            for (Server s : servers) {
                s.shutdownNow();
            }
            scheduler.shutdownNow();
        }
    }

    /** Series and chunk counts of the merged stream. */
    private static long[] readAll(ChunkSeriesSet set) {
        long series = 0;
        long chunks = 0;
        try (set) {
            while (set.next()) {
                series++;
                chunks += set.chunks().size();
            }
            if (!set.warnings().isEmpty()) {
                throw new IllegalStateException("unexpected warnings: " + set.warnings());
            }
        }
        return new long[] {series, chunks};
    }

    static void verify(long[] counts, long expectedSeries, long expectedChunks) {
        if (counts[0] != expectedSeries || counts[1] != expectedChunks) {
            throw new IllegalStateException("got " + counts[0] + " series / " + counts[1] + " chunks, expected "
                    + expectedSeries + " / " + expectedChunks);
        }
    }

    /** One store's answer, pre-built as batch frames (the server then only serialises them). */
    private static List<SeriesResponse> frames(int store, int series, int samples) {
        List<SeriesResponse> frames = new ArrayList<>();
        SeriesBatch.Builder batch = SeriesBatch.newBuilder();
        XorAppender appender = new XorAppender();
        for (int i = 0; i < series; i++) {
            Labels labels = Labels.of("__name__", "bench", "instance", String.format(Locale.ROOT, "i%06d", i),
                    "job", "j" + (i % 10), "store", "s" + store);
            Series.Builder s = Series.newBuilder().addAllLabels(LabelsConverter.toThanos(labels));
            double v = i;
            for (int k = 0; k < samples; k++) {
                v += (k * 7 + i) % 13;
                appender.append(k * 15_000L, v);
                if (appender.numSamples() == SAMPLES_PER_CHUNK || k == samples - 1) {
                    s.addChunks(ChunkConverter.toThanosRaw(appender.toChunk()));
                    appender.reset();
                }
            }
            batch.addSeries(s);
            if (batch.getSeriesCount() == BATCH) {
                frames.add(SeriesResponse.newBuilder().setBatch(batch).build());
                batch = SeriesBatch.newBuilder();
            }
        }
        if (batch.getSeriesCount() > 0) {
            frames.add(SeriesResponse.newBuilder().setBatch(batch).build());
        }
        return frames;
    }

    /** Streams the frames honouring the client's flow control. */
    private static final class FramesStore extends StoreGrpc.StoreImplBase {
        private final List<SeriesResponse> frames;

        FramesStore(List<SeriesResponse> frames) {
            this.frames = frames;
        }

        @Override
        public void series(SeriesRequest request, StreamObserver<SeriesResponse> responseObserver) {
            ServerCallStreamObserver<SeriesResponse> observer = (ServerCallStreamObserver<SeriesResponse>) responseObserver;
            int[] next = {0};
            boolean[] done = {false};
            observer.setOnReadyHandler(() -> {
                while (observer.isReady() && next[0] < frames.size()) {
                    observer.onNext(frames.get(next[0]++));
                }
                if (next[0] == frames.size() && !done[0]) {
                    done[0] = true;
                    observer.onCompleted();
                }
            });
        }
    }

    /** CPU time of the whole process: the machine may be shared, so wall-clock rates understate the code. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap in use). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
