package io.thanosjava.benchmarks.dedup;

import io.thanosjava.dedup.ArraySampleIterator;
import io.thanosjava.dedup.ChunkSeries;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.dedup.DecodedSeriesSet;
import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.dedup.DedupIterators;
import io.thanosjava.dedup.DedupSeriesSet;
import io.thanosjava.dedup.ProxyMerge;
import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Two replicas of 10,000 counter series, 480 samples each (2 h at 15 s), each replica series
 * scraped 0-500 ms late, and the four workloads measured on them: a plain merge (every replica
 * decoded and iterated, dedup off) against penalty deduplication, once from XOR chunks through the
 * whole pipeline (proxy merge, decoding, merge) and once on decoded primitive arrays (the algorithm
 * alone, with a two-way time-ordered union as the plain merge). Each workload reads every sample it
 * returns and returns a checksum of them.
 */
final class DedupDataset {
    static final int SERIES = 10_000;
    static final int SAMPLES = 480;
    /** Input samples of one workload run: what throughput is counted in. */
    static final int INPUT_SAMPLES = 2 * SERIES * SAMPLES;
    private static final int SAMPLES_PER_CHUNK = 120;
    private static final long INTERVAL = 15_000;
    private static final long START = 1_700_000_000_000L;
    private static final Set<String> REPLICA = Set.of("replica");

    /** Per replica: series as the store sends them with and without the replica label. */
    private final List<List<ChunkSeries>> labelled = new ArrayList<>();
    private final List<List<ChunkSeries>> stripped = new ArrayList<>();
    private final long[][][] timestamps = new long[2][SERIES][];
    private final double[][][] values = new double[2][SERIES][];

    DedupDataset() {
        SplittableRandom random = new SplittableRandom(42);
        for (int r = 0; r < 2; r++) {
            labelled.add(new ArrayList<>(SERIES));
            stripped.add(new ArrayList<>(SERIES));
        }
        XorAppender appender = new XorAppender();
        for (int s = 0; s < SERIES; s++) {
            Labels labels = Labels.of("__name__", "http_requests_total", "instance", String.format("host-%05d", s), "job", "api");
            double counter = random.nextInt(1_000_000);
            double[] shared = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                counter += random.nextInt(100);
                shared[i] = counter;
            }
            for (int r = 0; r < 2; r++) {
                long offset = random.nextInt(501);
                long[] t = new long[SAMPLES];
                for (int i = 0; i < SAMPLES; i++) {
                    t[i] = START + i * INTERVAL + offset + random.nextInt(3); // a little scrape jitter
                }
                timestamps[r][s] = t;
                values[r][s] = shared;
                List<Chunk> chunks = new ArrayList<>();
                for (int from = 0; from < SAMPLES; from += SAMPLES_PER_CHUNK) {
                    appender.reset();
                    for (int i = from; i < from + SAMPLES_PER_CHUNK; i++) {
                        appender.append(t[i], shared[i]);
                    }
                    chunks.add(appender.toChunk());
                }
                stripped.get(r).add(new ChunkSeries(labels, chunks));
                labelled.get(r).add(new ChunkSeries(labels.toBuilder().set("replica", "r" + r).build(), chunks));
            }
        }
        verify();
    }

    /**
     * The merges must see every input sample (the union nearly all: replicas rarely share a
     * timestamp) and dedup exactly one replica's worth. The two dedup paths may differ in where they
     * switch replicas: the chunk pipeline tells replicas apart by chunk overlap, as Thanos does.
     */
    private void verify() {
        long[] merged = drain(new DecodedSeriesSet(stores(labelled), Long.MIN_VALUE, Long.MAX_VALUE));
        long[] deduplicated = drain(new DedupSeriesSet(stores(stripped), REPLICA, DedupAlgorithm.PENALTY, false,
                Long.MIN_VALUE, Long.MAX_VALUE));
        check("chunk merge sample count", merged[0], INPUT_SAMPLES);
        check("chunk dedup sample count", deduplicated[0], INPUT_SAMPLES / 2);
        long union = 0;
        long penalty = 0;
        for (int s = 0; s < SERIES; s++) {
            union += count(unionOf(s));
            penalty += count(penaltyOf(s));
        }
        check("array dedup sample count", penalty, INPUT_SAMPLES / 2);
        if (union > INPUT_SAMPLES || union < INPUT_SAMPLES * 0.99) {
            throw new IllegalStateException("array merge returned " + union + " samples of " + INPUT_SAMPLES);
        }
    }

    private static long count(SampleIterator it) {
        long n = 0;
        while (it.next()) {
            n++;
        }
        return n;
    }

    private static void check(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + " is " + actual + ", expected " + expected);
        }
    }

    private static ChunkSeriesSet stores(List<List<ChunkSeries>> replicas) {
        return ProxyMerge.merge(List.of(ChunkSeriesSet.of(replicas.get(0)), ChunkSeriesSet.of(replicas.get(1))));
    }

    /** {count, checksum} of every sample of the set. */
    private static long[] drain(SeriesSet set) {
        long count = 0;
        long checksum = 0;
        try (set) {
            while (set.next()) {
                SampleIterator it = set.at().iterator();
                while (it.next()) {
                    count++;
                    checksum += it.atT() ^ Double.doubleToRawLongBits(it.atV());
                }
            }
        }
        return new long[] {count, checksum};
    }

    /** Dedup off: both replicas of every series, from chunks. */
    long mergeChunks() {
        return drain(new DecodedSeriesSet(stores(labelled), Long.MIN_VALUE, Long.MAX_VALUE))[1];
    }

    /** Penalty dedup of the two replicas of every series, from chunks. */
    long penaltyDedupChunks() {
        return drain(new DedupSeriesSet(stores(stripped), REPLICA, DedupAlgorithm.PENALTY, false,
                Long.MIN_VALUE, Long.MAX_VALUE))[1];
    }

    private SampleIterator unionOf(int s) {
        return DedupIterators.chain(List.of(arrays(0, s), arrays(1, s)));
    }

    private SampleIterator penaltyOf(int s) {
        return DedupIterators.penalty(List.of(arrays(0, s), arrays(1, s)), false);
    }

    private ArraySampleIterator arrays(int replica, int s) {
        return new ArraySampleIterator(timestamps[replica][s], values[replica][s], 0, SAMPLES);
    }

    /** The time-ordered union of the two decoded replicas of every series. */
    long mergeArrays() {
        long n = 0;
        for (int s = 0; s < SERIES; s++) {
            SampleIterator it = unionOf(s);
            while (it.next()) {
                n += it.atT() ^ Double.doubleToRawLongBits(it.atV());
            }
        }
        return n;
    }

    /** Penalty dedup of the two decoded replicas of every series. */
    long penaltyArrays() {
        long n = 0;
        for (int s = 0; s < SERIES; s++) {
            SampleIterator it = penaltyOf(s);
            while (it.next()) {
                n += it.atT() ^ Double.doubleToRawLongBits(it.atV());
            }
        }
        return n;
    }
}
