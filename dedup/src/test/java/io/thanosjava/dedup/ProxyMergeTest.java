package io.thanosjava.dedup;

import static io.thanosjava.dedup.Sample.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyMergeTest {
    private static final Labels A = Labels.of("__name__", "a");
    private static final Labels B = Labels.of("__name__", "b");
    private static final Labels C = Labels.of("__name__", "c");
    private static final Chunk EARLY = TestData.chunk(samples(0, 1, 10, 2));
    private static final Chunk LATE = TestData.chunk(samples(20, 3, 30, 4));
    private static final Chunk LATE_OTHER = TestData.chunk(samples(20, 5, 30, 6));

    private static List<String> drain(ChunkSeriesSet set) {
        List<String> out = new ArrayList<>();
        while (set.next()) {
            StringBuilder sb = new StringBuilder(set.labels().get("__name__")).append(':');
            for (Chunk c : set.chunks()) {
                sb.append(' ').append(c == EARLY ? "early" : c == LATE ? "late" : c == LATE_OTHER ? "lateOther" : "?");
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void interleavesStoresAndCombinesEqualLabelsWithSortedChunks() {
        ChunkSeriesSet one = ChunkSeriesSet.of(List.of(new ChunkSeries(A, List.of(LATE)), new ChunkSeries(C, List.of(EARLY))));
        ChunkSeriesSet two = ChunkSeriesSet.of(List.of(new ChunkSeries(A, List.of(EARLY)), new ChunkSeries(B, List.of(LATE))));
        assertThat(drain(ProxyMerge.merge(List.of(one, two)))).containsExactly("a: early late", "b: late", "c: early");
    }

    @Test
    void joinsConsecutiveFramesOfOneSeriesAndDropsExactDuplicates() {
        ChunkSeriesSet store = ChunkSeriesSet.of(List.of(
                new ChunkSeries(A, List.of(LATE, EARLY)),
                new ChunkSeries(A, List.of(TestData.chunk(samples(0, 1, 10, 2)), LATE_OTHER)),
                new ChunkSeries(B, List.of())));
        assertThat(drain(ProxyMerge.merge(List.of(store)))).containsExactly("a: early late lateOther", "b:");
    }

    @Test
    void keepsChunksWithEqualRangesButDifferentBytes() {
        ChunkSeriesSet one = ChunkSeriesSet.of(List.of(new ChunkSeries(A, List.of(LATE))));
        ChunkSeriesSet two = ChunkSeriesSet.of(List.of(new ChunkSeries(A, List.of(LATE_OTHER))));
        List<String> forward = drain(ProxyMerge.merge(List.of(one, two)));
        one = ChunkSeriesSet.of(List.of(new ChunkSeries(A, List.of(LATE))));
        two = ChunkSeriesSet.of(List.of(new ChunkSeries(A, List.of(LATE_OTHER))));
        assertThat(forward).hasSize(1).first().asString().contains("late", "lateOther");
        assertThat(drain(ProxyMerge.merge(List.of(two, one)))).isEqualTo(forward);
    }

    @Test
    void rejectsAnUnsortedInput() {
        ChunkSeriesSet store = ChunkSeriesSet.of(List.of(new ChunkSeries(B, List.of()), new ChunkSeries(A, List.of())));
        ChunkSeriesSet merged = ProxyMerge.merge(List.of(store));
        assertThatThrownBy(merged::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not sorted").hasMessageContaining("{__name__=\"a\"} after {__name__=\"b\"}");
    }

    @Test
    void mergesNothingAndCollectsWarningsAndClosesAll() {
        List<String> closed = new ArrayList<>();
        ChunkSeriesSet merged = ProxyMerge.merge(List.of(
                closing(ChunkSeriesSet.of(List.of(), List.of("store 1 partial")), closed, "1"),
                closing(ChunkSeriesSet.of(List.of(), List.of("store 2 partial")), closed, "2")));
        assertThat(merged.next()).isFalse();
        assertThat(merged.next()).isFalse();
        assertThat(merged.warnings()).containsExactly("store 1 partial", "store 2 partial");
        assertThatThrownBy(merged::labels).isInstanceOf(IllegalStateException.class);
        merged.close();
        assertThat(closed).containsExactly("1", "2");
        assertThat(drain(ProxyMerge.merge(List.of()))).isEmpty();
    }

    private static ChunkSeriesSet closing(ChunkSeriesSet set, List<String> closed, String name) {
        return new ChunkSeriesSet() {
            @Override public boolean next() { return set.next(); }
            @Override public Labels labels() { return set.labels(); }
            @Override public List<Chunk> chunks() { return set.chunks(); }
            @Override public List<String> warnings() { return set.warnings(); }
            @Override public void close() { closed.add(name); }
        };
    }
}
