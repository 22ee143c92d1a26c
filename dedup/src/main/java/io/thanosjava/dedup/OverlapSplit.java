package io.thanosjava.dedup;

import io.thanosjava.model.chunk.Chunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one series' chunks into chains of chunks that do not overlap in time, as Thanos does before
 * deduplicating: walking the chunks in (min time, max time) order, each goes to the first chain
 * whose last chunk ends strictly before it starts, or opens a new chain. Replicas merged under one
 * label set thus come apart again into separate "replicas" the dedup merge can choose between.
 */
final class OverlapSplit {
    private OverlapSplit() {
    }

    /** Appends the chains of {@code chunks} to {@code chains}. */
    static void split(List<Chunk> chunks, List<List<Chunk>> chains) {
        if (chunks.isEmpty()) {
            return;
        }
        List<Chunk> ordered = chunks;
        for (int i = 1; i < chunks.size(); i++) {
            if (ChunkOrder.BY_TIME_RANGE.compare(chunks.get(i - 1), chunks.get(i)) > 0) {
                ordered = new ArrayList<>(chunks);
                ordered.sort(ChunkOrder.BY_TIME_RANGE);
                break;
            }
        }
        int firstChain = chains.size();
        next:
        for (Chunk chunk : ordered) {
            for (int c = firstChain; c < chains.size(); c++) {
                List<Chunk> chain = chains.get(c);
                if (chain.get(chain.size() - 1).maxTime() < chunk.minTime()) {
                    chain.add(chunk);
                    continue next;
                }
            }
            List<Chunk> chain = new ArrayList<>();
            chain.add(chunk);
            chains.add(chain);
        }
    }
}
