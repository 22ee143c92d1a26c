package io.thanosjava.dedup;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorChunkIterator;
import java.util.List;

/**
 * Decodes one series' chunks into a {@link SampleBuffer}: the samples within {@code [mint, maxt]}
 * in strictly increasing time order. One instance is reused for series after series, so decoding
 * allocates nothing once its buffers have grown to the largest series.
 *
 * <p>Chunks are taken in (min time, max time) order. A chunk that overlaps no other is decoded
 * straight into the output. Chunks whose time ranges overlap form a cluster whose decoded samples
 * are merged: the union, and at equal timestamps the sample of the chunk that sorts first. Chunks
 * entirely before the range, or before the last sample taken, are skipped undecoded. A sample not
 * after the previous one (only possible in a corrupt chunk) is dropped, and the first sample after
 * {@code maxt} ends the series, so the output always strictly increases.
 *
 * <p>Only XOR chunks are supported; any other encoding, or corrupt bytes, raise
 * {@link io.thanosjava.model.chunk.ChunkDecodeException}.
 */
final class ChunkDecoder {
    private final XorChunkIterator xor = new XorChunkIterator();
    /** Cluster merge buffers, created on the first overlap: one chunk's samples, the union so far, its next version. */
    private SampleBuffer clusterChunk;
    private SampleBuffer clusterUnion;
    private SampleBuffer clusterNext;
    /** Lowest timestamp the next sample may have. */
    private long floor;
    /** Set once a sample after {@code maxt} or at {@code Long.MAX_VALUE} was met: nothing can follow. */
    private boolean finished;

    /** Replaces the content of {@code out} with the samples of {@code chunks} in {@code [mint, maxt]}. */
    void decode(List<Chunk> chunks, long mint, long maxt, SampleBuffer out) {
        out.clear();
        List<Chunk> ordered = ChunkOrder.byTimeRange(chunks);
        int n = ordered.size();
        floor = mint;
        finished = mint > maxt;
        int next = 0;
        while (!finished) {
            int first = next;
            while (first < n && ordered.get(first).maxTime() < floor) {
                first++;
            }
            if (first == n || ordered.get(first).minTime() > maxt) {
                return;
            }
            long clusterMax = ordered.get(first).maxTime();
            int end = first + 1;
            while (end < n && ordered.get(end).minTime() <= clusterMax) {
                clusterMax = Math.max(clusterMax, ordered.get(end).maxTime());
                end++;
            }
            next = end;
            int from = out.size();
            if (end == first + 1) {
                xor.reset(ordered.get(first)).decodeRemainingInto(out, Long.MIN_VALUE, Long.MAX_VALUE);
            } else {
                appendCluster(ordered, first, end, maxt, out);
            }
            keepIncreasing(out, from, maxt);
        }
    }

    /** Decodes chunks {@code [from, to)} and appends their union in chunk order, earlier chunk first on ties. */
    private void appendCluster(List<Chunk> chunks, int from, int to, long maxt, SampleBuffer out) {
        if (clusterUnion == null) {
            clusterChunk = new SampleBuffer();
            clusterUnion = new SampleBuffer();
            clusterNext = new SampleBuffer();
        }
        clusterUnion.clear();
        xor.reset(chunks.get(from)).decodeRemainingInto(clusterUnion, floor, maxt);
        for (int i = from + 1; i < to; i++) {
            if (chunks.get(i).maxTime() < floor) {
                continue;
            }
            clusterChunk.clear();
            xor.reset(chunks.get(i)).decodeRemainingInto(clusterChunk, floor, maxt);
            SampleMerge.union(clusterUnion, clusterChunk, clusterNext);
            SampleBuffer swap = clusterUnion;
            clusterUnion = clusterNext;
            clusterNext = swap;
        }
        int size = out.size();
        int count = clusterUnion.size();
        out.ensureCapacity(count);
        System.arraycopy(clusterUnion.timestamps(), 0, out.timestamps(), size, count);
        System.arraycopy(clusterUnion.values(), 0, out.values(), size, count);
        out.setSize(size + count);
    }

    /**
     * Compacts the samples appended from index {@code from} in place to those at or after the
     * floor, raising the floor past each one kept, up to the first sample after {@code maxt}.
     */
    private void keepIncreasing(SampleBuffer out, int from, long maxt) {
        long[] ts = out.timestamps();
        double[] vs = out.values();
        int end = out.size();
        long low = floor;
        int i = from;
        // Valid chunks within the range keep every sample: scan without moving any.
        for (; i < end; i++) {
            long t = ts[i];
            if (t < low || t > maxt || t == Long.MAX_VALUE) {
                break;
            }
            low = t + 1;
        }
        int kept = i;
        for (; i < end; i++) {
            long t = ts[i];
            if (t < low) {
                continue;
            }
            if (t > maxt) {
                finished = true;
                break;
            }
            ts[kept] = t;
            vs[kept] = vs[i];
            kept++;
            if (t == Long.MAX_VALUE) {
                finished = true;
                break;
            }
            low = t + 1;
        }
        floor = low;
        out.setSize(kept);
    }
}
