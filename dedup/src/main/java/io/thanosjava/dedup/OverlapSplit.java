package io.thanosjava.dedup;

import io.thanosjava.model.chunk.Chunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits series' chunks into chains of chunks that do not overlap in time, as Thanos does before
 * deduplicating: walking a series' chunks in (min time, max time) order, each goes to the first of
 * that series' chains whose last chunk ends strictly before it starts, or opens a new chain.
 * Replicas merged under one label set thus come apart again into separate "replicas" the dedup
 * merge can choose between. One instance is reused series after series; its lists are kept.
 */
final class OverlapSplit {
    private final List<List<Chunk>> chains = new ArrayList<>();
    private int count;

    /** Appends the chains of one series' {@code chunks}; chains of earlier calls take none of them. */
    void split(List<Chunk> chunks) {
        int firstChain = count;
        next:
        for (Chunk chunk : ChunkOrder.byTimeRange(chunks)) {
            for (int c = firstChain; c < count; c++) {
                List<Chunk> chain = chains.get(c);
                if (chain.get(chain.size() - 1).maxTime() < chunk.minTime()) {
                    chain.add(chunk);
                    continue next;
                }
            }
            if (count == chains.size()) {
                chains.add(new ArrayList<>());
            }
            chains.get(count++).add(chunk);
        }
    }

    int count() {
        return count;
    }

    List<Chunk> chain(int i) {
        return chains.get(i);
    }

    /** Forgets all chains (and the chunks they referenced), keeping the lists for reuse. */
    void clear() {
        for (int c = 0; c < count; c++) {
            chains.get(c).clear();
        }
        count = 0;
    }
}
