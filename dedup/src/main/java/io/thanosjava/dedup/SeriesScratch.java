package io.thanosjava.dedup;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.SampleBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The work space one series is decoded and merged in: a chunk decoder, one buffer per replica chain
 * and two result buffers. Reused series after series through a {@link ScratchPool}, so that a
 * series costs no allocation proportional to its samples once the buffers have grown.
 */
final class SeriesScratch {
    private final ChunkDecoder decoder = new ChunkDecoder();
    private final OverlapSplit chains = new OverlapSplit();
    private final List<SampleBuffer> replicas = new ArrayList<>();
    private final SampleBuffer work = new SampleBuffer();
    private final SampleBuffer spare = new SampleBuffer();

    /** The samples of one series' chunks in {@code [mint, maxt]}; see {@link ChunkDecoder}. */
    SampleBuffer decode(List<Chunk> chunks, long mint, long maxt) {
        decoder.decode(chunks, mint, maxt, work);
        return work;
    }

    /**
     * The deduplicated samples of a group of series that are replicas of one another: each
     * member's chunks are split into non-overlapping chains, each chain decoded within
     * {@code [mint, maxt]}, and two or more chains merged with the algorithm.
     */
    SampleBuffer dedup(List<List<Chunk>> members, DedupAlgorithm algorithm, boolean counterAdjustment,
            long mint, long maxt) {
        try {
            for (List<Chunk> chunks : members) {
                chains.split(chunks);
            }
            int count = chains.count();
            if (count <= 1) {
                decoder.decode(count == 0 ? List.of() : chains.chain(0), mint, maxt, work);
                return work;
            }
            while (replicas.size() < count) {
                replicas.add(new SampleBuffer());
            }
            for (int c = 0; c < count; c++) {
                decoder.decode(chains.chain(c), mint, maxt, replicas.get(c));
            }
            return ReplicaMerge.merge(replicas, count, algorithm, counterAdjustment, work, spare);
        } finally {
            chains.clear();
        }
    }
}
