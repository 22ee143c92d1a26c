package io.thanosjava.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.SeriesSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryQueryableTest {
    private final InMemoryQueryable q = InMemoryQueryable.builder()
            .add(Labels.of("__name__", "b", "job", "x"), new long[] {10, 20, 30}, new double[] {1, 2, 3})
            .add(Labels.of("__name__", "a", "job", "y"), new long[] {5, 15}, new double[] {7, 8})
            .add(Labels.of("__name__", "a", "job", "x"), new long[] {100}, new double[] {9})
            .build();

    @Test
    void selectReturnsMatchingSeriesSortedAndTrimmedToTheRange() {
        SeriesSet set = q.select(SelectHints.ofRange(10, 20), List.of(LabelMatcher.of(LabelMatcher.Type.NEQ, "job", "z")));
        List<String> seen = new ArrayList<>();
        while (set.next()) {
            StringBuilder sb = new StringBuilder(set.at().labels().toString());
            SampleIterator it = set.at().iterator();
            while (it.next()) {
                sb.append(' ').append(it.atT()).append('=').append(it.atV());
            }
            seen.add(sb.toString());
        }
        assertThat(seen).containsExactly("{__name__=\"a\", job=\"y\"} 15=8.0", "{__name__=\"b\", job=\"x\"} 10=1.0 20=2.0");
    }

    @Test
    void labelNamesAndValuesHonourMatchersAndTime() {
        LabelMatcher nameA = LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "a");
        assertThat(q.labelValues("job", 0, 50, List.of(nameA)).values()).containsExactly("y");
        assertThat(q.labelValues("job", 0, 1000, List.of(nameA)).values()).containsExactly("x", "y");
        assertThat(q.labelNames(0, 1000, List.of()).values()).containsExactly("__name__", "job");
        assertThat(q.labelNames(200, 300, List.of()).values()).isEmpty();
    }

    @Test
    void laterLoadOfTheSameSeriesMergesSamples() {
        InMemoryQueryable m = InMemoryQueryable.builder()
                .add(Labels.of("a", "1"), new long[] {1, 3}, new double[] {1, 3})
                .add(Labels.of("a", "1"), new long[] {2, 3}, new double[] {2, 4})
                .build();
        SeriesSet set = m.select(SelectHints.ofRange(0, 10), List.of());
        assertThat(set.next()).isTrue();
        SampleIterator it = set.at().iterator();
        StringBuilder sb = new StringBuilder();
        while (it.next()) {
            sb.append(it.atT()).append('=').append(it.atV()).append(' ');
        }
        assertThat(sb.toString().trim()).isEqualTo("1=1.0 2=2.0 3=4.0");
        assertThat(set.next()).isFalse();
    }

    @Test
    void rejectsUnsortedTimestamps() {
        assertThatThrownBy(() -> InMemoryQueryable.builder().add(Labels.of("a", "1"), new long[] {2, 1}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not strictly increasing");
    }
}
