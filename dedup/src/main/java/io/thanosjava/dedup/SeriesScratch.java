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
    private final ReplicaCursor left = new ReplicaCursor();
    private final ReplicaCursor right = new ReplicaCursor();
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
     * {@code [mint, maxt]}, and two or more chains merged with the algorithm. Penalty merges
     * decode a chain only where they read it (see {@link PenaltyMerge}).
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
            if (algorithm == DedupAlgorithm.PENALTY && !(counterAdjustment && count > 2)) {
                return penaltyFold(count, counterAdjustment, mint, maxt);
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

    /**
     * Penalty merge of the chains left to right, {@code ((c0 + c1) + c2) + ...}, each chain decoded
     * lazily. Folding is exact here (see {@link ReplicaMerge}): only two chains may carry the
     * counter adjustment.
     */
    private SampleBuffer penaltyFold(int count, boolean counterAdjustment, long mint, long maxt) {
        PenaltyMerge.merge(left.reset(chains.chain(0), mint, maxt), right.reset(chains.chain(1), mint, maxt),
                counterAdjustment, work);
        SampleBuffer merged = work;
        for (int c = 2; c < count; c++) {
            SampleBuffer out = merged == work ? spare : work;
            PenaltyMerge.merge(left.reset(merged), right.reset(chains.chain(c), mint, maxt), false, out);
            merged = out;
        }
        return merged;
    }
}
