package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.SampleIterator;
import java.util.List;

/**
 * Deduplicating merges of replica sample iterators, for callers that hold replicas as iterators
 * (e.g. over buffers they decoded themselves) rather than as chunks; {@link DedupSeriesSet} builds
 * on the same. Iterators passed in are consumed; the result is a fresh iterator.
 */
public final class DedupIterators {
    private DedupIterators() {
    }

    /**
     * Penalty deduplication of the replicas, merged pairwise left to right; the first replica wins
     * ties. With {@code counterAdjustment} a counter is corrected upward across replica switches
     * (Thanos applies this for {@code rate}, {@code irate}, {@code increase} and {@code resets}).
     */
    public static SampleIterator penalty(List<? extends SampleIterator> replicas, boolean counterAdjustment) {
        requireNonNull(replicas, "replicas is null");
        if (replicas.isEmpty()) {
            return SampleIterator.EMPTY;
        }
        if (replicas.size() == 1) {
            return requireNonNull(replicas.get(0), "replica is null");
        }
        ReplicaIterator merged = leaf(replicas.get(0), counterAdjustment);
        for (int i = 1; i < replicas.size(); i++) {
            merged = new PenaltyDedupIterator(merged, leaf(replicas.get(i), counterAdjustment), counterAdjustment);
        }
        return merged;
    }

    /** The union of the replicas in time order, one sample per timestamp (the earliest replica's). */
    public static SampleIterator chain(List<? extends SampleIterator> replicas) {
        requireNonNull(replicas, "replicas is null");
        if (replicas.size() == 1) {
            return requireNonNull(replicas.get(0), "replica is null");
        }
        return new ChainMergeIterator(replicas.toArray(new SampleIterator[0]));
    }

    private static ReplicaIterator leaf(SampleIterator replica, boolean counterAdjustment) {
        return new ReplicaLeaf(requireNonNull(replica, "replica is null"), counterAdjustment);
    }
}
