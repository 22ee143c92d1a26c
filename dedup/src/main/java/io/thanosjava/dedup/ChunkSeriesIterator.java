package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorChunkIterator;
import java.util.Arrays;
import java.util.List;

/**
 * The samples of one series' chunks within {@code [mint, maxt]}, in strictly increasing time order.
 *
 * <p>Chunks are taken in (min time, max time) order. A chunk that overlaps no other is decoded
 * straight from its bytes while iterating. Chunks whose time ranges overlap form a cluster that is
 * decoded once into primitive buffers and merged sample by sample: the union of their samples, and
 * at equal timestamps the sample of the chunk that sorts first. Chunks entirely before the range or
 * before a {@link #seek} target are skipped without decoding. A sample not after the previous one (only
 * possible in a corrupt chunk) is skipped, so timestamps always strictly increase.
 *
 * <p>Only XOR chunks are supported; any other encoding, or corrupt bytes, raise
 * {@link io.thanosjava.model.chunk.ChunkDecodeException} when reached.
 */
public final class ChunkSeriesIterator implements SampleIterator {
    private final Chunk[] chunks;
    private final long mint;
    private final long maxt;
    private final XorChunkIterator xor = new XorChunkIterator();
    private int nextChunk;
    /** {@link #xor}, {@link #clusterIterator} or {@code null} between chunks. */
    private SampleIterator source;
    private boolean started;
    private boolean exhausted;
    private long t;
    private double v;

    private ArraySampleIterator clusterIterator;
    private SampleBuffer decoded;
    private SampleMerge merged;
    private SampleMerge scratch;

    /** Iterates all samples of the chunks. */
    public ChunkSeriesIterator(List<Chunk> chunks) {
        this(chunks, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Iterates the samples of the chunks with timestamps in {@code [mint, maxt]}. */
    public ChunkSeriesIterator(List<Chunk> chunks, long mint, long maxt) {
        requireNonNull(chunks, "chunks is null");
        Chunk[] array = chunks.toArray(new Chunk[0]);
        for (int i = 1; i < array.length; i++) {
            if (ChunkOrder.BY_TIME_RANGE.compare(array[i - 1], array[i]) > 0) {
                Arrays.sort(array, ChunkOrder.BY_TIME_RANGE);
                break;
            }
        }
        this.chunks = array;
        this.mint = mint;
        this.maxt = maxt;
        this.exhausted = mint > maxt;
    }

    @Override
    public boolean next() {
        if (exhausted) {
            return false;
        }
        if (!started) {
            return advance(mint);
        }
        return t != Long.MAX_VALUE ? advance(t + 1) : finish();
    }

    @Override
    public boolean seek(long target) {
        if (exhausted) {
            return false;
        }
        if (started && t >= target) {
            return true;
        }
        long floor = started ? Math.max(target, t + 1) : Math.max(target, mint);
        return advance(floor);
    }

    /** Moves to the first sample at or after {@code floor}, past the current one. */
    private boolean advance(long floor) {
        while (true) {
            // The two sources are branched on rather than called through the interface so that
            // both calls stay monomorphic and inline: this loop runs once per decoded sample.
            if (source == xor) {
                while (xor.next()) {
                    long sampleT = xor.atT();
                    if (sampleT >= floor) {
                        return emit(sampleT, xor.atV());
                    }
                }
                source = null;
            } else if (source != null) {
                while (clusterIterator.next()) {
                    long sampleT = clusterIterator.atT();
                    if (sampleT >= floor) {
                        return emit(sampleT, clusterIterator.atV());
                    }
                }
                source = null;
            }
            if (!openCluster(floor)) {
                return finish();
            }
        }
    }

    private boolean emit(long sampleT, double value) {
        if (sampleT > maxt) {
            return finish();
        }
        t = sampleT;
        v = value;
        started = true;
        return true;
    }

    /** Opens the next chunk, or cluster of overlapping chunks, that may hold samples {@code >= floor}. */
    private boolean openCluster(long floor) {
        int first = nextChunk;
        while (first < chunks.length && chunks[first].maxTime() < floor) {
            first++;
        }
        if (first == chunks.length || chunks[first].minTime() > maxt) {
            nextChunk = chunks.length;
            return false;
        }
        long clusterMax = chunks[first].maxTime();
        int end = first + 1;
        while (end < chunks.length && chunks[end].minTime() <= clusterMax) {
            clusterMax = Math.max(clusterMax, chunks[end].maxTime());
            end++;
        }
        nextChunk = end;
        if (end == first + 1) {
            source = xor.reset(chunks[first]);
        } else {
            source = mergeCluster(first, end, floor);
        }
        return true;
    }

    /** Decodes chunks {@code [from, to)} and merges them in chunk order, earlier chunk first on ties. */
    private SampleIterator mergeCluster(int from, int to, long floor) {
        if (merged == null) {
            decoded = new SampleBuffer();
            merged = new SampleMerge();
            scratch = new SampleMerge();
            clusterIterator = new ArraySampleIterator(new long[0], new double[0], 0, 0);
        }
        decoded.clear();
        xor.reset(chunks[from]).decodeRemainingInto(decoded, floor, maxt);
        merged.copyOf(decoded);
        for (int i = from + 1; i < to; i++) {
            if (chunks[i].maxTime() < floor) {
                continue;
            }
            decoded.clear();
            xor.reset(chunks[i]).decodeRemainingInto(decoded, floor, maxt);
            scratch.union(merged, decoded);
            SampleMerge swap = merged;
            merged = scratch;
            scratch = swap;
        }
        return clusterIterator.reset(merged.timestamps, merged.values, 0, merged.size);
    }

    private boolean finish() {
        exhausted = true;
        source = null;
        return false;
    }

    @Override
    public long atT() {
        return t;
    }

    @Override
    public double atV() {
        return v;
    }
}
