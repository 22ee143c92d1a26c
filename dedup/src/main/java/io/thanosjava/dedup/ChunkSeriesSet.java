package io.thanosjava.dedup;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.util.List;

/**
 * A stream of chunked series sorted by {@link Labels#compareTo}: what one store
 * answers to a Series call, or what {@link ProxyMerge} makes of several.
 *
 * <p>{@link #labels()} and {@link #chunks()} describe the current series after {@code next()}
 * returned {@code true}; the chunk list stays valid after the cursor moves on. A raw store stream may
 * repeat a label set in consecutive entries (one series split over several frames); {@link
 * ProxyMerge} joins them. {@code next()} may block while data arrives and throws when the source
 * failed; {@link #warnings()} is complete once {@code next()} returned {@code false}.
 */
public interface ChunkSeriesSet extends AutoCloseable {
    boolean next();

    Labels labels();

    List<Chunk> chunks();

    List<String> warnings();

    /** Releases the underlying stream; safe to call more than once. */
    @Override
    void close();

    /** A set over series held in memory, in the given order (which must already be sorted). */
    static ChunkSeriesSet of(List<ChunkSeries> series, List<String> warnings) {
        return new InMemoryChunkSeriesSet(series, warnings);
    }

    static ChunkSeriesSet of(List<ChunkSeries> series) {
        return new InMemoryChunkSeriesSet(series, List.of());
    }
}
