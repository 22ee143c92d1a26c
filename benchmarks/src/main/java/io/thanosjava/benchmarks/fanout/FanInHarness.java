package io.thanosjava.benchmarks.fanout;

import io.grpc.ManagedChannel;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.engine.store.ClientTransportOptions;
import io.thanosjava.engine.store.FanoutOptions;
import io.thanosjava.engine.store.GrpcChannels;
import io.thanosjava.engine.store.SeriesFanout;
import io.thanosjava.engine.store.StoreEndpoint;
import io.thanosjava.engine.store.StoreInfo;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.memory.InMemoryStore;
import io.thanosjava.stores.memory.InMemoryStoreBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fan-in over loopback gRPC: {@code stores} in-memory stores ({@link InMemoryStore} behind
 * {@link StoreServer}) in this process, each holding {@code series} series of {@code samples} samples
 * (XOR chunks of 120) under its own external label and streaming batch frames of 64 series with flow
 * control; the client fans one Series request out to all and reads the merged stream to the end.
 * Reports the stores' retained heap per sample once, then per round series/s and samples/s carried
 * (samples inside the received chunks), process CPU time and the peak heap; {@link #verify} checks every
 * round saw every series and chunk. Stores and client share the machine's cores, as on a querier host
 * running next to its stores.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar io.thanosjava.benchmarks.fanout.FanInHarness
 * [stores] [series] [samples] [rounds] [verifyChunks] [responseBatchSize]}.
 */
public final class FanInHarness {
    private static final int SAMPLES_PER_CHUNK = 120;

    private FanInHarness() {
    }

    public static void main(String[] args) throws Exception {
        int stores = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int series = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 480;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean verifyChunks = args.length > 4 ? Boolean.parseBoolean(args[4]) : true;
        FanoutOptions defaults = FanoutOptions.defaults();
        FanoutOptions options = new FanoutOptions(defaults.responseTimeout(), defaults.callTimeout(), 0, 0,
                defaults.bufferedFrames(), args.length > 5 ? Integer.parseInt(args[5]) : defaults.responseBatchSize(),
                verifyChunks);

        List<StoreServer> servers = new ArrayList<>();
        List<ManagedChannel> channels = new ArrayList<>();
        List<StoreEndpoint> endpoints = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            long heapBefore = settledHeap();
            List<InMemoryStore> loaded = new ArrayList<>();
            for (int s = 0; s < stores; s++) {
                loaded.add(store(series, samples));
            }
            long storeHeap = settledHeap() - heapBefore;
            long storedSamples = (long) stores * series * samples;
            System.out.printf(Locale.ROOT, "stores: %d samples, %.2f B/sample of XOR chunk data, %.2f B/sample of"
                    + " heap retained in all (%d MiB)%n", storedSamples,
                    loaded.stream().mapToLong(InMemoryStore::chunkBytes).sum() / (double) storedSamples,
                    storeHeap / (double) storedSamples, storeHeap >> 20);
            for (int s = 0; s < stores; s++) {
                StoreServer server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), loaded.get(s),
                        Labels.of("store", "s" + s), InfoService.COMPONENT_STORE);
                servers.add(server);
                ManagedChannel channel = GrpcChannels.open("127.0.0.1", server.port(),
                        ClientTransportOptions.plaintext());
                channels.add(channel);
                endpoints.add(new StoreEndpoint("127.0.0.1:" + server.port(), channel,
                        StoreInfo.store(List.of(Labels.of("store", "s" + s)), Long.MIN_VALUE, Long.MAX_VALUE)));
            }
            SeriesFanout fanout = new SeriesFanout(options, scheduler);
            SeriesRequest request = SeriesRequest.newBuilder().setMinTime(Long.MIN_VALUE).setMaxTime(Long.MAX_VALUE)
                    .addMatchers(MatcherConverter.toThanos(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "bench")))
                    .build();
            long expectedSeries = (long) stores * series;
            long expectedChunks = expectedSeries * ((samples + SAMPLES_PER_CHUNK - 1) / SAMPLES_PER_CHUNK);
            System.out.printf(Locale.ROOT, "fan-in: %d stores x %d series x %d samples, verifyChunks=%s,"
                    + " response_batch_size=%d%n", stores, series, samples, verifyChunks, options.responseBatchSize());
            for (int round = 0; round < rounds; round++) {
                System.gc();
                resetPeaks();
                Map<String, Long> threadsStart = threadCpuByGroup();
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                long[] counts = readAll(fanout.select(endpoints, request, "default-tenant"));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                Map<String, Long> threadsEnd = threadCpuByGroup();
                verify(counts, expectedSeries, expectedChunks);
                long carried = expectedSeries * samples;
                System.out.printf(Locale.ROOT,
                        "round %d: %.3f s wall, %.0f series/s, %.1f M samples/s; %.2f CPU-s (stores + client)"
                                + " = %.0f series/CPU-s, %.1f M samples/CPU-s; peak heap %d MiB%n",
                        round, seconds, expectedSeries / seconds, carried / seconds / 1e6, cpuSeconds,
                        expectedSeries / cpuSeconds, carried / cpuSeconds / 1e6, peakHeap() >> 20);
                System.out.println("  CPU-s by thread: " + cpuBreakdown(threadsStart, threadsEnd, cpuSeconds));
            }
        } finally {
            for (ManagedChannel c : channels) {
                c.shutdownNow();
            }
            for (StoreServer s : servers) {
                s.close();
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

    /** One store's data: series {@code i} counts up by (7k + i) mod 13 every 15 s. */
    private static InMemoryStore store(int series, int samples) {
        InMemoryStoreBuilder builder = new InMemoryStoreBuilder();
        for (int i = 0; i < series; i++) {
            int id = builder.series(Labels.of("__name__", "bench", "instance", String.format(Locale.ROOT, "i%06d", i),
                    "job", "j" + (i % 10)));
            double v = i;
            for (int k = 0; k < samples; k++) {
                v += (k * 7 + i) % 13;
                builder.append(id, k * 15_000L, v);
            }
        }
        return builder.build();
    }

    /** Heap in use after garbage collection has settled. */
    private static long settledHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * CPU time of live Java threads, summed by name with numbers removed (gRPC's executor, which runs
     * store encoding and client decoding, Netty's event loops, the reading thread {@code main}).
     */
    private static Map<String, Long> threadCpuByGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    out.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
                }
            }
        }
        return out;
    }

    /** Per group, CPU seconds spent between the snapshots; what the process spent beyond that is GC, JIT and other JVM threads. */
    private static String cpuBreakdown(Map<String, Long> start, Map<String, Long> end, double processSeconds) {
        StringBuilder out = new StringBuilder();
        double javaSeconds = 0;
        for (Map.Entry<String, Long> e : end.entrySet()) {
            double seconds = (e.getValue() - start.getOrDefault(e.getKey(), 0L)) / 1e9;
            if (seconds >= 0.005) {
                out.append(String.format(Locale.ROOT, "%s %.2f, ", e.getKey(), seconds));
            }
            javaSeconds += seconds;
        }
        return out.append(String.format(Locale.ROOT, "JVM (GC, JIT) %.2f", processSeconds - javaSeconds)).toString();
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
