package io.thanosjava.dedup;

import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.Series;
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
public final class DecodedSeriesSet extends DecodingSeriesSet {
    private final long mint;
    private final long maxt;

    public DecodedSeriesSet(ChunkSeriesSet input, long mint, long maxt) {
        super(input);
        this.mint = mint;
        this.maxt = maxt;
    }

    @Override
    public boolean next() {
        if (!input.next()) {
            setCurrent(null);
            return false;
        }
        setCurrent(new ChunkedSeries(input.labels(), input.chunks(), mint, maxt, scratch));
        return true;
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
