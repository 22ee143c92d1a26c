package io.thanosjava.benchmarks.dedup;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Companion of {@link DedupBenchmark} for loaded machines: runs each workload of
 * {@link DedupDataset} on the calling thread and reports the median wall time, the CPU time of that
 * thread (the workload's whole work except GC, undistorted by other processes competing for the
 * cores), input samples per second of that CPU time, and bytes allocated per input sample.
 *
 * <p>Usage: {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * io.thanosjava.benchmarks.dedup.DedupCpuTime [warmup-runs [measured-runs [WORKLOAD...]]]} (defaults
 * 20, 20, every workload). Run one workload per JVM for steady figures.
 */
public final class DedupCpuTime {
    private enum Workload {
        mergeChunks(DedupDataset::mergeChunks),
        penaltyDedupChunks(DedupDataset::penaltyDedupChunks),
        mergeArrays(DedupDataset::mergeArrays),
        penaltyArrays(DedupDataset::penaltyArrays);

        final ToLongFunction<DedupDataset> run;

        Workload(ToLongFunction<DedupDataset> run) {
            this.run = run;
        }
    }

    private DedupCpuTime() {
    }

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need warmup-runs >= 0 and measured-runs >= 1");
        }
        Workload[] workloads = args.length > 2
                ? Arrays.stream(args, 2, args.length).map(Workload::valueOf).toArray(Workload[]::new)
                : Workload.values();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported() || !threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM measures neither thread CPU time nor thread allocation");
        }
        DedupDataset data = new DedupDataset();
        long thread = Thread.currentThread().getId();
        System.out.printf(Locale.ROOT, "%-20s %10s %14s %18s %16s%n", "workload", "wall ms", "thread cpu ms",
                "M samples/s (cpu)", "bytes/sample");
        for (Workload workload : workloads) {
            long sink = 0;
            for (int i = 0; i < warmups; i++) {
                sink += workload.run.applyAsLong(data);
            }
            long[] wall = new long[runs];
            long[] cpu = new long[runs];
            long[] bytes = new long[runs];
            for (int i = 0; i < runs; i++) {
                long bytesBefore = threads.getThreadAllocatedBytes(thread);
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long wallBefore = System.nanoTime();
                sink += workload.run.applyAsLong(data);
                wall[i] = System.nanoTime() - wallBefore;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
                bytes[i] = threads.getThreadAllocatedBytes(thread) - bytesBefore;
            }
            double cpuNanos = median(cpu);
            System.out.printf(Locale.ROOT, "%-20s %10.1f %14.1f %18.1f %16.3f   (checksum %x)%n", workload,
                    median(wall) / 1e6, cpuNanos / 1e6, DedupDataset.INPUT_SAMPLES / cpuNanos * 1e3,
                    median(bytes) / DedupDataset.INPUT_SAMPLES, sink);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
