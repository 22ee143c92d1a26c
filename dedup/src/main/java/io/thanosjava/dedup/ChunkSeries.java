package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.util.List;

/** One series as a store sends it: labels and encoded chunks (the list is not copied). */
public record ChunkSeries(Labels labels, List<Chunk> chunks) {
    public ChunkSeries {
        requireNonNull(labels, "labels is null");
        requireNonNull(chunks, "chunks is null");
    }
}
