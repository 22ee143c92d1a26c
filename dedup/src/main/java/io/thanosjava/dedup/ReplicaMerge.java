package io.thanosjava.dedup;

import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.chunk.SampleBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges decoded replicas (strictly increasing sample buffers) into one: with
 * {@link DedupAlgorithm#CHAIN} left to right, {@code ((r0 + r1) + r2) + ...}; with
 * {@link DedupAlgorithm#PENALTY} and the counter adjustment through the iterator tree. (Penalty
 * merges without it, or of two replicas, fold lazily decoded chains: {@link SeriesScratch}.)
 *
 * <p>Folding over materialised intermediate results is exact for the chain union, and for the
 * penalty merge without counter adjustment, because an inner merge then emits the same sequence
 * whichever way the outer one steps through it. With the adjustment an outer switch corrects the
 * inner replicas while they run, so three or more replicas go through the iterator tree
 * ({@link DedupIterators#penalty}) instead.
 */
final class ReplicaMerge {
    private ReplicaMerge() {
    }

    /**
     * Merges {@code replicas[0, count)} (at least two) into one of the two work buffers and returns
     * it; the other is overwritten. Neither may be a replica.
     */
    static SampleBuffer merge(List<SampleBuffer> replicas, int count, DedupAlgorithm algorithm, boolean counterAdjustment,
            SampleBuffer work, SampleBuffer spare) {
        if (algorithm == DedupAlgorithm.PENALTY) {
            return penaltyTree(replicas, count, counterAdjustment, work);
        }
        SampleBuffer merged = replicas.get(0);
        for (int r = 1; r < count; r++) {
            SampleBuffer out = merged == work ? spare : work;
            SampleMerge.union(merged, replicas.get(r), out);
            merged = out;
        }
        return merged;
    }

    private static SampleBuffer penaltyTree(List<SampleBuffer> replicas, int count, boolean counterAdjustment,
            SampleBuffer out) {
        List<SampleIterator> leaves = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            SampleBuffer replica = replicas.get(r);
            leaves.add(new ArraySampleIterator(replica.timestamps(), replica.values(), 0, replica.size()));
        }
        SampleIterator merged = DedupIterators.penalty(leaves, counterAdjustment);
        out.clear();
        while (merged.next()) {
            out.add(merged.atT(), merged.atV());
        }
        return out;
    }
}
