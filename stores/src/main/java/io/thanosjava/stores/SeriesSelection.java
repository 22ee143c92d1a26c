package io.thanosjava.stores;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;

/**
 * The answer of {@link StoreBackend#select}: series sorted by label set, addressed by index so the
 * service can re-order them (after adding external labels or removing replica labels) without
 * touching their chunks. Chunks are produced only when a series is about to be sent.
 */
public interface SeriesSelection {
    int size();

    /** Labels of series {@code i}, without external labels. */
    Labels labels(int i);

    /** Number of chunks of series {@code i} that overlap the selected time range. */
    int chunkCount(int i);

    /** Chunk {@code j} (0 ≤ j < {@link #chunkCount}) of series {@code i}; chunks come in time order. */
    Chunk chunk(int i, int j);

    /**
     * Hands chunk {@code j} of series {@code i} to {@code sink}; this is how the service reads chunks to
     * send them. A store that keeps chunk bytes in shared arrays overrides it to pass a slice of them
     * instead of building a {@link Chunk}.
     */
    default void chunk(int i, int j, ChunkSink sink) {
        Chunk c = chunk(i, j);
        sink.chunk(c.minTime(), c.maxTime(), c.encoding(), c.array(), c.offset(), c.length());
    }
}
