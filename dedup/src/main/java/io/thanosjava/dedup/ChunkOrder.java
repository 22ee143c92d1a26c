package io.thanosjava.dedup;

import io.thanosjava.model.chunk.Chunk;
import java.util.Comparator;

/** The order chunks of one series are read in. */
final class ChunkOrder {
    /** By first, then last sample time: what overlap detection and chunk-by-chunk reading need. */
    static final Comparator<Chunk> BY_TIME_RANGE =
            Comparator.comparingLong(Chunk::minTime).thenComparingLong(Chunk::maxTime);

    private ChunkOrder() {
    }
}
