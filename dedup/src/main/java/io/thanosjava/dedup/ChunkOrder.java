package io.thanosjava.dedup;

import io.thanosjava.model.chunk.Chunk;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The order chunks of one series are read in. */
final class ChunkOrder {
    /** By first, then last sample time: what overlap detection and chunk-by-chunk reading need. */
    static final Comparator<Chunk> BY_TIME_RANGE = ChunkOrder::compareTimeRanges;

    private ChunkOrder() {
    }

    static int compareTimeRanges(Chunk a, Chunk b) {
        int c = Long.compare(a.minTime(), b.minTime());
        return c != 0 ? c : Long.compare(a.maxTime(), b.maxTime());
    }

    /** The chunks in {@link #BY_TIME_RANGE} order: the list itself when already so (as stores send them), else a sorted copy. */
    static List<Chunk> byTimeRange(List<Chunk> chunks) {
        for (int i = 1; i < chunks.size(); i++) {
            if (compareTimeRanges(chunks.get(i - 1), chunks.get(i)) > 0) {
                Chunk[] sorted = chunks.toArray(new Chunk[0]);
                Arrays.sort(sorted, BY_TIME_RANGE);
                return List.of(sorted);
            }
        }
        return chunks;
    }
}
