package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import java.util.List;

/**
 * What the sample-reading views of a {@link ChunkSeriesSet} share: the input they own (its warnings,
 * its closing), the current series, and the decode buffers their series pass on to one another.
 */
abstract class DecodingSeriesSet implements SeriesSet {
    /** The chunked series read. */
    protected final ChunkSeriesSet input;
    /** Decode buffers shared by this set's series (see {@link ScratchPool}). */
    protected final ScratchPool scratch = new ScratchPool();
    private Series current;

    DecodingSeriesSet(ChunkSeriesSet input) {
        this.input = requireNonNull(input, "input is null");
    }

    /** Makes {@code series} the current one; {@code null} when the set is exhausted. */
    protected final void setCurrent(Series series) {
        current = series;
    }

    @Override
    public final Series at() {
        if (current == null) {
            throw new IllegalStateException("no current series: call next() first");
        }
        return current;
    }

    @Override
    public final List<String> warnings() {
        return input.warnings();
    }

    @Override
    public final void close() {
        input.close();
    }
}
