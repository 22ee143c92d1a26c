package io.thanosjava.stores.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.stores.SeriesSelection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Label sets, selection by matchers and label names/values of a store against a plain reference
 * (the label sets themselves, filtered and sorted with the model's own comparison). The strings mix
 * characters on both sides of the surrogate range, where UTF-8 order and Java's String order differ.
 */
class InMemoryStoreLabelProperties {
    private static final List<String> NAMES = List.of("__name__", "a", "b", "job", "\u00e9", "\uE000", "\uD83D\uDE00");
    private static final List<String> VALUES = List.of("", "x", "y", "xy", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uD83D\uDE00a");

    @Property(tries = 300)
    void selectionsAndLabelsEqualTheReference(@ForAll("labelSets") List<Labels> series,
            @ForAll("matchers") List<LabelMatcher> matchers, @ForAll("names") String name) {
        Set<Labels> distinct = new LinkedHashSet<>();
        InMemoryStoreBuilder b = new InMemoryStoreBuilder();
        for (Labels l : series) {
            if (!l.isEmpty() && distinct.add(l)) {
                b.add(l, 1_000, 1);
            }
        }
        InMemoryStore store = b.build();
        List<Labels> expected = new ArrayList<>();
        for (Labels l : distinct) {
            if (matchers.stream().allMatch(m -> m.matches(l))) {
                expected.add(l);
            }
        }
        expected.sort(Labels::compareTo);

        SeriesSelection selected = store.select(matchers, 0, 2_000);
        List<Labels> got = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            got.add(selected.labels(i));
            assertThat(selected.chunkCount(i)).isEqualTo(1);
        }
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(store.select(matchers, 1_001, 2_000).size()).isZero();

        TreeSet<String> names = new TreeSet<>(Labels::compareUtf8);
        TreeSet<String> values = new TreeSet<>(Labels::compareUtf8);
        for (Labels l : expected) {
            for (int i = 0; i < l.size(); i++) {
                names.add(l.name(i));
            }
            if (l.has(name)) {
                values.add(l.get(name));
            }
        }
        assertThat(store.labelNames(matchers, 0, 2_000)).containsExactlyElementsOf(names);
        assertThat(store.labelValues(name, matchers, 0, 2_000)).containsExactlyElementsOf(values);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    @Provide
    Arbitrary<List<Labels>> labelSets() {
        Arbitrary<String[]> pair = Combinators.combine(names(), Arbitraries.of(VALUES)).as((n, v) -> new String[] {n, v});
        return pair.list().ofMaxSize(5).map(pairs -> {
            Labels.Builder l = Labels.builder();
            pairs.forEach(p -> l.set(p[0], p[1]));
            return l.build();
        }).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<LabelMatcher>> matchers() {
        Arbitrary<String> regex = Arbitraries.of("x|y", ".*", ".+", "x.*", "\uE000|\uD83D\uDE00", "", ".*a");
        Arbitrary<LabelMatcher> eq = Combinators.combine(names(), Arbitraries.of(VALUES), Arbitraries.of(LabelMatcher.Type.EQ, LabelMatcher.Type.NEQ))
                .as((n, v, t) -> LabelMatcher.of(t, n, v));
        Arbitrary<LabelMatcher> re = Combinators.combine(names(), regex, Arbitraries.of(LabelMatcher.Type.RE, LabelMatcher.Type.NRE))
                .as((n, v, t) -> LabelMatcher.of(t, n, v));
        return Arbitraries.oneOf(eq, re).list().ofMaxSize(3);
    }
}
