package io.thanosjava.dedup;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorBits;
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
    private static final int FIRST_PIECE = 8;
    private final XorChunkIterator xor = new XorChunkIterator();
    /** Where {@link XorBits#readUvarint} reports the end of a chunk's first timestamp. */
    private final int[] varintEnd = new int[1];
    /** Cluster merge buffers, created on the first overlap: one chunk's samples, the union so far, its next version. */
    private SampleBuffer clusterChunk;
    private SampleBuffer clusterUnion;
    private SampleBuffer clusterNext;
    /** The chunks of the decode under way, in time-range order, and the first not yet taken. */
    private List<Chunk> ordered = List.of();
    private int next;
    private long maxt;
    private SampleBuffer out;
    /** Lowest timestamp the next sample may have. */
    private long floor;
    /** Set once no sample can follow: the chunks ran out, or a sample after {@code maxt} or at {@code Long.MAX_VALUE} was met. */
    private boolean finished;
    /**
     * Samples decoded on a lone chunk's first append (the rest on the next): a reader that needs
     * one sample of a chunk decodes a few, not all 120. A full decode takes chunks whole.
     */
    private int firstPiece;
    /** Set while the lone chunk the iterator is on has samples left (taken by the next append). */
    private boolean chunkOpen;
    /** {@link #pendingLowerBound} until the next append; it cannot change before. */
    private long pendingBound;
    private boolean pendingBoundKnown;

    /** Replaces the content of {@code out} with the samples of {@code chunks} in {@code [mint, maxt]}. */
    void decode(List<Chunk> chunks, long mint, long maxt, SampleBuffer out) {
        out.clear();
        start(chunks, mint, maxt, out);
        firstPiece = Integer.MAX_VALUE;
        while (appendNext(Long.MIN_VALUE)) {
            // every cluster of chunks in turn
        }
    }

    /**
     * Starts decoding {@code chunks} into {@code out} cluster by cluster ({@link #appendNext}), so
     * that a reader needing only some samples decodes only the chunks that hold them.
     */
    void start(List<Chunk> chunks, long mint, long maxt, SampleBuffer out) {
        this.ordered = ChunkOrder.byTimeRange(chunks);
        this.next = 0;
        this.maxt = maxt;
        this.out = out;
        floor = mint;
        finished = mint > maxt;
        pendingBoundKnown = false;
        firstPiece = FIRST_PIECE;
        chunkOpen = false;
    }

    /**
     * Appends to the output the next samples at or after {@code from}: the rest of the lone chunk
     * under way, or else of the next cluster of overlapping chunks that can hold any (of a lone
     * chunk only its first piece). Chunks ending before {@code from} (or before the last sample
     * taken) are skipped undecoded, their time ranges being trusted, and so is the rest of a chunk
     * under way. The samples appended are those a full decode would hold from {@code from} on, as
     * long as every earlier call's {@code from} was no later.
     *
     * @return false when no sample can follow
     */
    boolean appendNext(long from) {
        if (from > floor) {
            floor = from;
        }
        pendingBoundKnown = false;
        if (chunkOpen && ordered.get(next - 1).maxTime() >= floor) {
            return appendPiece(Integer.MAX_VALUE);
        }
        chunkOpen = false;
        int first = firstUnskipped();
        if (finished) {
            return false;
        }
        long clusterMax = ordered.get(first).maxTime();
        int end = first + 1;
        int n = ordered.size();
        while (end < n && ordered.get(end).minTime() <= clusterMax) {
            clusterMax = Math.max(clusterMax, ordered.get(end).maxTime());
            end++;
        }
        next = end;
        if (end == first + 1) {
            xor.reset(ordered.get(first));
            return appendPiece(firstPiece);
        }
        int appendedFrom = out.size();
        appendCluster(ordered, first, end, maxt, out);
        keepIncreasing(out, appendedFrom, maxt);
        return !finished;
    }

    /** Appends up to {@code max} more samples of the lone chunk the iterator is on. */
    private boolean appendPiece(int max) {
        int appendedFrom = out.size();
        xor.decodeInto(out, max);
        chunkOpen = xor.hasUnread();
        keepIncreasing(out, appendedFrom, maxt);
        if (finished) {
            chunkOpen = false;
        }
        return !finished;
    }

    /**
     * A time that no sample still to be appended is before, found without decoding: the floor, or
     * the first timestamp of the next chunk when that chunk forms a cluster alone (each sample a
     * chunk yields is at or after both its first sample and the floor, because only samples above
     * every earlier one are kept); {@code Long.MAX_VALUE} when none can follow.
     */
    long pendingLowerBound() {
        if (!pendingBoundKnown) {
            pendingBound = computePendingLowerBound();
            pendingBoundKnown = true;
        }
        return pendingBound;
    }

    private long computePendingLowerBound() {
        if (chunkOpen && ordered.get(next - 1).maxTime() >= floor) {
            return floor;
        }
        int first = firstUnskipped();
        if (finished) {
            return Long.MAX_VALUE;
        }
        Chunk chunk = ordered.get(first);
        boolean alone = first + 1 == ordered.size() || ordered.get(first + 1).minTime() > chunk.maxTime();
        return alone ? Math.max(floor, firstTimestamp(chunk)) : floor;
    }

    /** Skips the chunks that end before the floor; the first left, or (with {@link #finished} set) none. */
    private int firstUnskipped() {
        int n = ordered.size();
        while (next < n && ordered.get(next).maxTime() < floor) {
            next++;
        }
        if (next == n || ordered.get(next).minTime() > maxt) {
            finished = true;
        }
        return next;
    }

    /** The first sample's timestamp from an XOR chunk's head, or {@code Long.MIN_VALUE} when it cannot be read there. */
    private long firstTimestamp(Chunk chunk) {
        byte[] d = chunk.array();
        int at = chunk.offset();
        if (chunk.encoding() != Chunk.XOR || chunk.length() < 3 || (d[at] | d[at + 1]) == 0) {
            return Long.MIN_VALUE;
        }
        long u = XorBits.readUvarint(d, at + chunk.length(), at + 2, varintEnd);
        return varintEnd[0] < 0 ? Long.MIN_VALUE : (u >>> 1) ^ -(u & 1);
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
