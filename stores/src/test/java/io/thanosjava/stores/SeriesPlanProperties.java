package io.thanosjava.stores;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The wire order and label sets of a Series answer, checked against a plain reference: external
 * labels set through {@link Labels.Builder} (they win), replica labels deleted, then a stable sort.
 */
class SeriesPlanProperties {
    private static final List<String> NAMES = List.of("__name__", "a", "b", "c", "replica", "zone");

    @Property(tries = 150)
    void outputIsTheReferenceTransformStablySorted(@ForAll("labelSets") List<Labels> stored,
            @ForAll("labelSet") Labels external, @ForAll("nameSubset") Set<String> without) {
        List<Labels> sortedStored = new ArrayList<>(stored);
        sortedStored.sort(Comparator.naturalOrder());
        SeriesPlan plan = SeriesPlan.of(selection(sortedStored), new OutputLabels(external, without), ShardMatcher.of(null), 0);

        List<Labels> expected = new ArrayList<>();
        for (Labels l : sortedStored) {
            Labels.Builder b = l.toBuilder();
            for (int i = 0; i < external.size(); i++) {
                b.set(external.name(i), external.value(i));
            }
            for (String name : without) {
                b.del(name);
            }
            expected.add(b.build());
        }
        expected.sort(Comparator.naturalOrder()); // List.sort is stable
        List<Labels> actual = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            actual.add(plan.labels(k));
            assertThat(plan.labels(k)).isEqualTo(expected.get(k));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 100)
    void shardsPartitionEverySelection(@ForAll("labelSets") List<Labels> stored, @ForAll @IntRange(min = 1, max = 5) int shards,
            @ForAll boolean by, @ForAll("nameSubset") Set<String> shardLabels) {
        List<Labels> sortedStored = new ArrayList<>(stored);
        sortedStored.sort(Comparator.naturalOrder());
        SeriesSelection selection = selection(sortedStored);
        OutputLabels identity = new OutputLabels(Labels.empty(), Set.of());
        int total = 0;
        Set<Integer> seen = new HashSet<>();
        for (int shard = 0; shard < shards; shard++) {
            var info = io.thanosjava.storeapi.proto.store.ShardInfo.newBuilder()
                    .setShardIndex(shard).setTotalShards(shards).setBy(by).addAllLabels(shardLabels).build();
            SeriesPlan plan = SeriesPlan.of(selection, identity, ShardMatcher.of(info), 0);
            for (int k = 0; k < plan.size(); k++) {
                assertThat(seen.add(plan.selectionIndex(k))).isTrue();
            }
            total += plan.size();
        }
        assertThat(total).isEqualTo(sortedStored.size());
    }

    @Property(tries = 100)
    void limitKeepsThePrefix(@ForAll("labelSets") List<Labels> stored, @ForAll @IntRange(min = 1, max = 30) int limit) {
        List<Labels> sortedStored = new ArrayList<>(stored);
        sortedStored.sort(Comparator.naturalOrder());
        SeriesPlan plan = SeriesPlan.of(selection(sortedStored), new OutputLabels(Labels.empty(), Set.of()), ShardMatcher.of(null), limit);
        assertThat(plan.size()).isEqualTo(Math.min(limit, sortedStored.size()));
        for (int k = 0; k < plan.size(); k++) {
            assertThat(plan.labels(k)).isEqualTo(sortedStored.get(k));
        }
    }

    @Provide
    Arbitrary<Labels> labelSet() {
        return Arbitraries.subsetOf(NAMES).flatMap(names -> Arbitraries.strings().withChars("xyz\u00e9\uD83D\uDCC8").ofMinLength(1).ofMaxLength(2)
                .list().ofSize(names.size()).map(values -> {
                    Labels.Builder b = Labels.builder();
                    int i = 0;
                    for (String n : names) {
                        b.set(n, values.get(i++));
                    }
                    return b.build();
                }));
    }

    @Provide
    Arbitrary<List<Labels>> labelSets() {
        return labelSet().filter(l -> !l.isEmpty()).list().ofMaxSize(25).uniqueElements();
    }

    @Provide
    Arbitrary<Set<String>> nameSubset() {
        return Arbitraries.subsetOf(NAMES);
    }

    private static SeriesSelection selection(List<Labels> sorted) {
        return new SeriesSelection() {
            @Override
            public int size() {
                return sorted.size();
            }

            @Override
            public Labels labels(int i) {
                return sorted.get(i);
            }

            @Override
            public int chunkCount(int i) {
                return 0;
            }

            @Override
            public Chunk chunk(int i, int j) {
                throw new IndexOutOfBoundsException();
            }
        };
    }
}
