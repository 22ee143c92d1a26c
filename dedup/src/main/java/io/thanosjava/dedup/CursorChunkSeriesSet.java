package io.thanosjava.dedup;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.util.List;

/**
 * The current-series bookkeeping every streaming {@link ChunkSeriesSet} shares: subclasses move the
 * cursor with {@link #moveTo} or {@link #clearCurrent} from {@code next()}, and reading before the first
 * successful {@code next()} fails clearly.
 */
public abstract class CursorChunkSeriesSet implements ChunkSeriesSet {
    private Labels labels;
    private List<Chunk> chunks;

    /** Makes {@code labels} with {@code chunks} the current series. */
    protected final void moveTo(Labels labels, List<Chunk> chunks) {
        this.labels = labels;
        this.chunks = chunks;
    }

    /** No current series (the set is exhausted or failed). */
    protected final void clearCurrent() {
        labels = null;
        chunks = null;
    }

    @Override
    public final Labels labels() {
        if (labels == null) {
            throw new IllegalStateException("no current series: call next() first");
        }
        return labels;
    }

    @Override
    public final List<Chunk> chunks() {
        if (chunks == null) {
            throw new IllegalStateException("no current series: call next() first");
        }
        return chunks;
    }
}
