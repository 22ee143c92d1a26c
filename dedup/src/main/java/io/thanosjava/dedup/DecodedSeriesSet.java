package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.SampleBuffer;
import java.util.List;

/**
 * A chunked series stream read as samples, without deduplication: every series keeps its labels
 * (replica labels included) and iterates its chunks as {@link ChunkSeriesIterator} does, so
 * overlapping chunks are merged sample by sample within {@code [mint, maxt]}. The series' iterators
 * decode into buffers they pass on to one another (see {@link ScratchPool}); like the set itself,
 * they are meant to be read by one thread at a time.
 */
public final class DecodedSeriesSet implements SeriesSet {
    private final ChunkSeriesSet input;
    private final long mint;
    private final long maxt;
    private final ScratchPool scratch = new ScratchPool();
    private Series current;

    public DecodedSeriesSet(ChunkSeriesSet input, long mint, long maxt) {
        this.input = requireNonNull(input, "input is null");
        this.mint = mint;
        this.maxt = maxt;
    }

    @Override
    public boolean next() {
        if (!input.next()) {
            current = null;
            return false;
        }
        current = new ChunkedSeries(input.labels(), input.chunks(), mint, maxt, scratch);
        return true;
    }

    @Override
    public Series at() {
        if (current == null) {
            throw new IllegalStateException("no current series: call next() first");
        }
        return current;
    }

    @Override
    public List<String> warnings() {
        return input.warnings();
    }

    @Override
    public void close() {
        input.close();
    }

    private record ChunkedSeries(Labels labels, List<Chunk> chunks, long mint, long maxt, ScratchPool pool)
            implements Series, SampleSource {
        @Override
        public SampleIterator iterator() {
            return new ScratchSampleIterator(this, pool);
        }

        @Override
        public SampleBuffer decode(SeriesScratch scratch) {
            return scratch.decode(chunks, mint, maxt);
        }
    }
}
