package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.Series;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.SampleBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Replica deduplication of a merged series stream: removes the replica labels, groups series whose
 * remaining labels are equal and merges each group into one series with the chosen algorithm.
 *
 * <p>The input must be sorted by its labels <em>without</em> the replica labels: what stores send
 * when asked with {@code without_replica_labels}, or what {@link ReplicaLabels#stripAndSort} makes of
 * a store that cannot. Then replicas are adjacent and only one group is held at a time. Labels are
 * stripped here too (free when absent), and an input out of order after stripping fails with
 * {@link IllegalStateException} instead of silently leaving replicas unmerged.
 *
 * <p>Each series' chunks are first split into non-overlapping chains ({@link OverlapSplit}), each
 * chain bounded to {@code [mint, maxt]}; a group that yields one chain is passed through, a larger
 * one is merged by {@link DedupAlgorithm#PENALTY} (with the counter adjustment when asked) or
 * {@link DedupAlgorithm#CHAIN}. Output labels never carry replica labels.
 *
 * <p>A series is decoded and merged in one go on the first {@code next} or {@code seek} of its
 * iterator, over primitive buffers ({@link SeriesScratch}) that the iterators of this set pass on to
 * one another; like the set itself, they are meant to be read by one thread at a time.
 */
public final class DedupSeriesSet extends DecodingSeriesSet {
    private final Set<String> replicaLabels;
    private final DedupAlgorithm algorithm;
    private final boolean counterAdjustment;
    private final long mint;
    private final long maxt;

    private boolean primed;
    private boolean hasPeek;
    private Labels peekLabels;
    private List<Chunk> peekChunks;

    /**
     * @param input sorted by labels without the replica labels, e.g. a {@link ProxyMerge}
     * @param replicaLabels the label names that tell replicas apart; must not be empty
     * @param counterAdjustment whether penalty dedup corrects counters across replica switches; see
     *     {@link #needsCounterAdjustment}
     * @param mint first timestamp to return, inclusive
     * @param maxt last timestamp to return, inclusive
     */
    public DedupSeriesSet(ChunkSeriesSet input, Collection<String> replicaLabels, DedupAlgorithm algorithm,
            boolean counterAdjustment, long mint, long maxt) {
        super(input);
        this.replicaLabels = Set.copyOf(requireNonNull(replicaLabels, "replicaLabels is null"));
        if (this.replicaLabels.isEmpty()) {
            throw new IllegalArgumentException("replicaLabels is empty: deduplication needs at least one replica label");
        }
        this.algorithm = requireNonNull(algorithm, "algorithm is null");
        this.counterAdjustment = counterAdjustment;
        this.mint = mint;
        this.maxt = maxt;
    }

    /**
     * Whether Thanos applies the counter adjustment for a select hint's function: exactly for
     * {@code rate}, {@code irate}, {@code increase} and {@code resets}.
     */
    public static boolean needsCounterAdjustment(String selectHintFunction) {
        if (selectHintFunction == null) {
            return false;
        }
        return switch (selectHintFunction) {
            case "rate", "irate", "increase", "resets" -> true;
            default -> false;
        };
    }

    @Override
    public boolean next() {
        if (!primed) {
            primed = true;
            advanceInput();
        }
        if (!hasPeek) {
            setCurrent(null);
            return false;
        }
        Labels group = peekLabels;
        List<List<Chunk>> members = new ArrayList<>(2);
        members.add(peekChunks);
        while (advanceInput() && peekLabels.equals(group)) {
            members.add(peekChunks);
        }
        if (hasPeek && peekLabels.compareTo(group) < 0) {
            throw new IllegalStateException("series are not sorted without replica labels " + replicaLabels + ": "
                    + peekLabels + " after " + group
                    + "; stores must honour without_replica_labels, or pass through ReplicaLabels.stripAndSort");
        }
        setCurrent(new DedupSeries(group, members));
        return true;
    }

    private boolean advanceInput() {
        hasPeek = input.next();
        if (hasPeek) {
            peekLabels = input.labels().without(replicaLabels);
            peekChunks = input.chunks();
        } else {
            peekLabels = null;
            peekChunks = null;
        }
        return hasPeek;
    }


    /** One deduplicated series; each {@link #iterator()} call decodes afresh. */
    private final class DedupSeries implements Series, SampleSource {
        private final Labels labels;
        private final List<List<Chunk>> members;

        DedupSeries(Labels labels, List<List<Chunk>> members) {
            this.labels = labels;
            this.members = members;
        }

        @Override
        public Labels labels() {
            return labels;
        }

        @Override
        public SampleIterator iterator() {
            return new ScratchSampleIterator(this, scratch);
        }

        @Override
        public SampleBuffer decode(SeriesScratch work) {
            return work.dedup(members, algorithm, counterAdjustment, mint, maxt);
        }
    }
}
