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
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fan-in over loopback gRPC: {@code stores} in-memory stores, each holding {@code series} series of
 * {@code samples} samples (XOR chunks of 120) under its own external label and streaming batch frames
 * of 64 series with flow control, run in a process of their own ({@link FanInStores}); this process is
 * the query layer: it fans one Series request out to all of them with {@link SeriesFanout} and reads the
 * merged stream to the end. Per round it reports series/s and samples/s carried (samples inside the
 * received chunks) with both processes sharing the machine's cores, the query layer's CPU time (its
 * process's, so it excludes the stores) with the rate two cores of it would carry, the stores' CPU time
 * and this process's peak heap; {@link #verify} checks every round saw every series and chunk.
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
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        boolean verifyChunks = args.length > 4 ? Boolean.parseBoolean(args[4]) : true;
        FanoutOptions defaults = FanoutOptions.defaults();
        FanoutOptions options = new FanoutOptions(defaults.responseTimeout(), defaults.callTimeout(), 0, 0,
                defaults.bufferedFrames(), args.length > 5 ? Integer.parseInt(args[5]) : defaults.responseBatchSize(),
                verifyChunks);

        List<ManagedChannel> channels = new ArrayList<>();
        List<StoreEndpoint> endpoints = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Process storeProcess = startStores(stores, series, samples);
        try {
            int[] ports = readPorts(storeProcess, stores);
            for (int s = 0; s < stores; s++) {
                ManagedChannel channel = GrpcChannels.open("127.0.0.1", ports[s], ClientTransportOptions.plaintext());
                channels.add(channel);
                endpoints.add(new StoreEndpoint("127.0.0.1:" + ports[s], channel,
                        StoreInfo.store(List.of(FanInStores.externalLabels(s)), Long.MIN_VALUE, Long.MAX_VALUE)));
            }
            SeriesFanout fanout = new SeriesFanout(options, scheduler);
            SeriesRequest request = SeriesRequest.newBuilder().setMinTime(Long.MIN_VALUE).setMaxTime(Long.MAX_VALUE)
                    .addMatchers(MatcherConverter.toThanos(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "bench")))
                    .build();
            long expectedSeries = (long) stores * series;
            long expectedChunks = expectedSeries * ((samples + SAMPLES_PER_CHUNK - 1) / SAMPLES_PER_CHUNK);
            System.out.printf(Locale.ROOT, "fan-in: %d stores x %d series x %d samples, verifyChunks=%s,"
                    + " response_batch_size=%d%n", stores, series, samples, verifyChunks, options.responseBatchSize());
            double[] wall = new double[rounds];
            double[] clientCpu = new double[rounds];
            double[] storesCpu = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                System.gc();
                resetPeaks();
                Map<String, Long> threadsStart = threadCpuByGroup();
                long storesStart = cpuNanos(storeProcess);
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                long[] counts = readAll(fanout.select(endpoints, request, "default-tenant"));
                wall[round] = (System.nanoTime() - start) / 1e9;
                clientCpu[round] = (processCpuNanos() - cpuStart) / 1e9;
                storesCpu[round] = (cpuNanos(storeProcess) - storesStart) / 1e9;
                Map<String, Long> threadsEnd = threadCpuByGroup();
                verify(counts, expectedSeries, expectedChunks);
                System.out.printf(Locale.ROOT, "round %d: %s; peak heap %d MiB%n", round,
                        rates(expectedSeries, samples, wall[round], clientCpu[round], storesCpu[round]),
                        peakHeap() >> 20);
                System.out.println("  query layer CPU-s by thread: "
                        + cpuBreakdown(threadsStart, threadsEnd, clientCpu[round]));
            }
            // The per-call code paths (stream set-up, headers) run a few times a round and reach their
            // final compilation only after some 15-20 rounds; the last third of the rounds is the steady state.
            int from = rounds - Math.max(1, rounds / 3);
            System.out.printf(Locale.ROOT, "steady state, medians of rounds %d-%d: %s%n", from, rounds - 1,
                    rates(expectedSeries, samples, median(wall, from), median(clientCpu, from),
                            median(storesCpu, from)));
        } finally {
            for (ManagedChannel c : channels) {
                c.shutdownNow();
            }
            scheduler.shutdownNow();
            storeProcess.getOutputStream().close();
            if (!storeProcess.waitFor(10, TimeUnit.SECONDS)) {
                storeProcess.destroyForcibly();
            }
        }
    }

    /**
     * Wall-clock rates (stores and query layer sharing the machine's cores), then the query layer's own
     * CPU time and what it implies: the series and samples two cores would carry for the query layer
     * alone, as when its stores run on other machines.
     */
    private static String rates(long series, int samples, double wall, double clientCpu, double storesCpu) {
        double perSeries = clientCpu / series;
        return String.format(Locale.ROOT, "%.3f s wall, %.0f series/s, %.1f M samples/s carried; query layer"
                        + " %.2f CPU-s (%.2f us per series: 2 cores carry %.0f series/s, %.0f M samples/s),"
                        + " stores %.2f CPU-s", wall, series / wall, series * samples / wall / 1e6, clientCpu,
                perSeries * 1e6, 2 / perSeries, 2 / perSeries * samples / 1e6, storesCpu);
    }

    /** The stores in a JVM of their own, with this JVM's class path; see {@link FanInStores}. */
    private static Process startStores(int stores, int series, int samples) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-cp",
                System.getProperty("java.class.path"), FanInStores.class.getName(), Integer.toString(stores),
                Integer.toString(series), Integer.toString(samples))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** The ports the store process announces once it serves. */
    private static int[] readPorts(Process storeProcess, int stores) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(storeProcess.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("ports: ")) {
            throw new IllegalStateException("the store process did not start: " + line);
        }
        String[] words = line.substring("ports: ".length()).split(" ");
        if (words.length != stores) {
            throw new IllegalStateException("expected " + stores + " ports: " + line);
        }
        return Arrays.stream(words).mapToInt(Integer::parseInt).toArray();
    }

    /** CPU time the process has used so far, as the operating system reports it. */
    private static long cpuNanos(Process process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for the store process")).toNanos();
    }

    private static double median(double[] values, int from) {
        double[] tail = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(tail);
        int n = tail.length;
        return n % 2 == 1 ? tail[n / 2] : (tail[n / 2 - 1] + tail[n / 2]) / 2;
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
