package io.thanosjava.dedup;

import static io.thanosjava.dedup.Sample.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.Labels;
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
