package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.chunk.Chunk;
import java.util.List;

/**
 * The samples of one series' chunks within {@code [mint, maxt]}, in strictly increasing time order:
 * overlapping chunks merged sample by sample (the union; at equal timestamps the sample of the
 * chunk first in (min time, max time) order), samples not after their predecessor (only in a
 * corrupt chunk) skipped. The chunks are decoded in one go on the first {@code next} or
 * {@code seek}; see {@link ChunkDecoder}.
 *
 * <p>Only XOR chunks are supported; any other encoding, or corrupt bytes, raise
 * {@link io.thanosjava.model.chunk.ChunkDecodeException} on that first call.
 */
public final class ChunkSeriesIterator implements SampleIterator {
    private final SampleIterator samples;

    /** Iterates all samples of the chunks. */
    public ChunkSeriesIterator(List<Chunk> chunks) {
        this(chunks, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Iterates the samples of the chunks with timestamps in {@code [mint, maxt]}. */
    public ChunkSeriesIterator(List<Chunk> chunks, long mint, long maxt) {
        List<Chunk> copy = List.copyOf(requireNonNull(chunks, "chunks is null"));
        this.samples = new ScratchSampleIterator(scratch -> scratch.decode(copy, mint, maxt), new ScratchPool());
    }

    @Override
    public boolean next() {
        return samples.next();
    }

    @Override
    public boolean seek(long target) {
        return samples.seek(target);
    }

    @Override
    public long atT() {
        return samples.atT();
    }

    @Override
    public double atV() {
        return samples.atV();
    }
}
