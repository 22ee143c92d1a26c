package io.thanosjava.dedup;

import static io.thanosjava.dedup.Sample.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.SeriesSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicaLabelsAndSetsTest {
    private static final Set<String> REPLICA = Set.of("replica");

    private static List<Labels> labelsOf(ChunkSeriesSet set) {
        List<Labels> out = new ArrayList<>();
        while (set.next()) {
            out.add(set.labels());
        }
        return out;
    }

    /** The case that forces buffering: a series of nothing but replica labels arrives last and sorts first. */
    @Test
    void stripAndSortMovesASeriesToTheFront() {
        Labels up = Labels.of("__name__", "up", "replica", "a");
        Labels onlyReplica = Labels.of("replica", "b");
        ChunkSeriesSet store = ChunkSeriesSet.of(List.of(
                new ChunkSeries(up, List.of()), new ChunkSeries(onlyReplica, List.of())), List.of("w"));
        ChunkSeriesSet stripped = ReplicaLabels.stripAndSort(store, REPLICA);
        assertThat(labelsOf(stripped)).containsExactly(Labels.empty(), Labels.of("__name__", "up"));
        assertThat(stripped.warnings()).containsExactly("w");
    }

    @Test
    void dedupRejectsInputUnsortedWithoutReplicaLabels() {
        ChunkSeriesSet store = ChunkSeriesSet.of(List.of(
                TestData.series(Labels.of("__name__", "up", "job", "x", "replica", "a"), samples(0, 1)),
                TestData.series(Labels.of("__name__", "up", "replica", "b"), samples(0, 1))));
        DedupSeriesSet set = new DedupSeriesSet(store, REPLICA, DedupAlgorithm.PENALTY, false, 0, 10);
        assertThatThrownBy(set::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not sorted without replica labels").hasMessageContaining("stripAndSort");
    }

    @Test
    void dedupNeedsAReplicaLabel() {
        assertThatThrownBy(() -> new DedupSeriesSet(ChunkSeriesSet.of(List.of()), Set.of(), DedupAlgorithm.CHAIN, false, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicaLabels is empty");
    }

    @Test
    void seriesWithoutChunksAreStillListed() {
        ChunkSeriesSet store = ChunkSeriesSet.of(List.of(new ChunkSeries(Labels.of("__name__", "up", "replica", "a"), List.of())), List.of("partial"));
        DedupSeriesSet set = new DedupSeriesSet(store, REPLICA, DedupAlgorithm.PENALTY, false, 0, 10);
        assertThat(set.next()).isTrue();
        assertThat(set.at().labels()).isEqualTo(Labels.of("__name__", "up"));
        assertThat(set.at().iterator().next()).isFalse();
        assertThat(set.next()).isFalse();
        assertThat(set.warnings()).containsExactly("partial");
        assertThatThrownBy(set::at).isInstanceOf(IllegalStateException.class);
    }

    /**
     * The iterators of one set share decoding buffers, handed on when an iterator is exhausted: any
     * reading order must still give each series its own samples, including iterators read in
     * turns, abandoned half way, or read again after exhaustion.
     */
    @Test
    void iteratorsOfOneSetCanBeReadInAnyOrder() {
        Labels a = Labels.of("__name__", "a");
        Labels b = Labels.of("__name__", "b");
        Labels c = Labels.of("__name__", "c");
        for (boolean dedup : new boolean[] {false, true}) {
            ChunkSeriesSet store = TestData.store(TestData.series(a, samples(0, 1, 10, 2, 20, 3)),
                    TestData.series(b, samples(5, 7, 15, 8)), TestData.series(c, samples(1, 9)));
            SeriesSet set = dedup
                    ? new DedupSeriesSet(store, REPLICA, DedupAlgorithm.PENALTY, false, Long.MIN_VALUE, Long.MAX_VALUE)
                    : new DecodedSeriesSet(store, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(set.next()).isTrue();
            SampleIterator abandoned = set.at().iterator();
            assertThat(abandoned.next()).isTrue();
            SampleIterator first = set.at().iterator();
            assertThat(set.next()).isTrue();
            SampleIterator second = set.at().iterator();

            List<Sample> firstOut = new ArrayList<>();
            List<Sample> secondOut = new ArrayList<>();
            boolean firstMore = true;
            boolean secondMore = true;
            while (firstMore || secondMore) {
                if (firstMore && (firstMore = first.next())) {
                    firstOut.add(Sample.of(first.atT(), first.atV()));
                }
                if (secondMore && (secondMore = second.next())) {
                    secondOut.add(Sample.of(second.atT(), second.atV()));
                }
            }
            assertThat(firstOut).containsExactlyElementsOf(samples(0, 1, 10, 2, 20, 3));
            assertThat(secondOut).containsExactlyElementsOf(samples(5, 7, 15, 8));
            assertThat(first.next()).isFalse();
            assertThat(first.seek(0)).isFalse();

            assertThat(set.next()).isTrue();
            assertThat(Sample.drain(set.at().iterator())).containsExactlyElementsOf(samples(1, 9));
            assertThat(Sample.drain(abandoned)).as("the rest of the abandoned iterator").containsExactlyElementsOf(samples(10, 2, 20, 3));
            assertThat(set.next()).isFalse();
        }
    }

    @Test
    void flagsAndCounterFunctions() {
        assertThat(DedupAlgorithm.fromFlag("penalty")).isEqualTo(DedupAlgorithm.PENALTY);
        assertThat(DedupAlgorithm.fromFlag("chain")).isEqualTo(DedupAlgorithm.CHAIN);
        assertThatThrownBy(() -> DedupAlgorithm.fromFlag("quorum")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"quorum\"");
        for (String f : List.of("rate", "irate", "increase", "resets")) {
            assertThat(DedupSeriesSet.needsCounterAdjustment(f)).as(f).isTrue();
        }
        for (String f : new String[] {"delta", "xrate", "sum", "", null}) {
            assertThat(DedupSeriesSet.needsCounterAdjustment(f)).as(f).isFalse();
        }
    }
}
