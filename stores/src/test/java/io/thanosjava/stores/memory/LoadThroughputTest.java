package io.thanosjava.stores.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures loading speed and the heap cost of the loaded data on a generated OpenMetrics file
 * (samples interleaved across series, as a scrape-ordered file is, jittered timestamps, gauge-like
 * values). Prints the figures; asserts only the counts, never timings.
 */
@Tag("slow")
class LoadThroughputTest {
    private static final int SERIES = Integer.getInteger("load.series", 2_000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int SAMPLES = Integer.getInteger("load.samples", 480);

    @TempDir
    Path dir;

    @Test
    void loadsAGeneratedFile() throws IOException {
        Path file = dir.resolve("load.om");
        long bytes = write(file);
        for (int round = 0; round < 3; round++) {
            long heapBefore = settledHeap();
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            InMemoryStore store = ExpositionLoader.load(List.of(file));
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double seconds = (System.nanoTime() - start) / 1e9;
            long heap = settledHeap() - heapBefore;
            assertThat(store.seriesCount()).isEqualTo(SERIES);
            assertThat(store.sampleCount()).isEqualTo((long) SERIES * SAMPLES);
            System.out.printf("load round %d: %d samples, %.1f MB in %.2f s (%.2f s CPU) = %.2f M samples/s "
                            + "(%.2f M per CPU-second), %.1f MB/s; chunk data %.2f B/sample, retained heap %.2f B/sample%n",
                    round, store.sampleCount(), bytes / 1e6, seconds, cpuSeconds, store.sampleCount() / seconds / 1e6,
                    store.sampleCount() / cpuSeconds / 1e6,
                    bytes / seconds / 1e6, (double) store.chunkBytes() / store.sampleCount(),
                    (double) heap / store.sampleCount());
        }
    }

    /** Heap in use once collections stop freeing anything (the least of several full collections). */
    private static long settledHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Runtime r = Runtime.getRuntime();
            used = Math.min(used, r.totalMemory() - r.freeMemory());
        }
        return used;
    }

    private static long write(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        double[] level = new double[SERIES];
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("# TYPE load_gauge gauge\n# HELP load_gauge Generated.\n");
            for (int t = 0; t < SAMPLES; t++) {
                for (int s = 0; s < SERIES; s++) {
                    level[s] += random.nextInt(-5, 6);
                    long ms = 1_794_960_000_000L + t * 15_000L + random.nextInt(0, 250);
                    w.write("load_gauge{instance=\"host-" + (s % 500) + ":9100\",job=\"node\",series=\"" + s + "\"} "
                            + level[s] + " " + (ms / 1000) + "." + String.format("%03d", ms % 1000) + "\n");
                }
            }
            w.write("# EOF\n");
        }
        return Files.size(file);
    }
}
