package io.thanosjava.dedup;

import static io.thanosjava.dedup.TestData.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.Labels;
import io.thanosjava.model.StaleNaN;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Thanos' own regression captures (issues 2890 and 2401) through merge and deduplication. */
class ThanosGoldenTest {
    private static final Set<String> REPLICA = Set.of("replica");

    // The issue2890 range query: cluster_version{} over [start, end] at this step, 15 m lookback.
    private static final long START = 1_598_471_700_000L;
    private static final long END = 1_598_472_600_000L;
    private static final long STEP = 3_000;
    private static final long LOOKBACK = 15 * 60_000;

    /** Each captured series as the answer of its own store (one store per replica). */
    private static List<ChunkSeriesSet> storesOf(List<ChunkSeries> captured) {
        List<ChunkSeriesSet> stores = new ArrayList<>();
        for (ChunkSeries series : captured) {
            stores.add(ChunkSeriesSet.of(List.of(series)));
        }
        return stores;
    }

    private static List<ChunkSeriesSet> strippedStoresOf(List<ChunkSeries> captured) {
        List<ChunkSeriesSet> stores = new ArrayList<>();
        for (ChunkSeriesSet store : storesOf(captured)) {
            stores.add(ReplicaLabels.stripAndSort(store, REPLICA));
        }
        return stores;
    }

    private static Map<Labels, List<Sample>> dedup(List<ChunkSeries> captured, boolean counter, long mint, long maxt) {
        return read(new DedupSeriesSet(ProxyMerge.merge(strippedStoresOf(captured)), REPLICA,
                DedupAlgorithm.PENALTY, counter, mint, maxt));
    }

    private static Map<Labels, List<Sample>> noDedup(List<ChunkSeries> captured) {
        return read(new DecodedSeriesSet(ProxyMerge.merge(storesOf(captured)), Long.MIN_VALUE, Long.MAX_VALUE));
    }

    private static Map<Labels, List<Sample>> rangeQuery(Map<Labels, List<Sample>> raw) {
        Map<Labels, List<Sample>> out = new LinkedHashMap<>();
        raw.forEach((labels, samples) -> {
            List<Sample> steps = RangeQueryOracle.evaluate(samples, START, END, STEP, LOOKBACK);
            if (!steps.isEmpty()) {
                out.put(labels, steps);
            }
        });
        return out;
    }

    @Test
    void issue2890DedupHandsOverFromBToAWithoutLosingSamples() {
        List<ChunkSeries> captured = GoldenSeriesResponses.load("issue2890-seriesresponses.json");
        Map<Labels, List<Sample>> perReplica = noDedup(captured);
        Labels a = Labels.of("__name__", "cluster_version", "_id", "014d6c9f-9c0f-40e2-8ab9-73ae46dbc9b1", "replica", "a");
        Labels b = a.toBuilder().set("replica", "b").build();
        List<Sample> rawA = perReplica.get(a);
        List<Sample> rawB = perReplica.get(b);
        assertThat(rawA).isNotEmpty();
        assertThat(rawB).isNotEmpty();
        assertThat(rawB.get(rawB.size() - 1).t()).isLessThan(rawA.get(0).t());

        Map<Labels, List<Sample>> deduplicated = dedup(captured, false, Long.MIN_VALUE, Long.MAX_VALUE);

        // B's range ends before A's begins: deduplication keeps all of B, then all of A.
        List<Sample> expectedRaw = new ArrayList<>(rawB);
        expectedRaw.addAll(rawA);
        assertThat(deduplicated).containsOnlyKeys(a.without("replica"));
        assertThat(deduplicated.get(a.without("replica"))).containsExactlyElementsOf(expectedRaw);
    }

    @Test
    void issue2890DedupMatchesThanosRangeQueryResult() {
        List<ChunkSeries> captured = GoldenSeriesResponses.load("issue2890-seriesresponses.json");
        Map<Labels, List<Sample>> expected =
                RangeQueryOracle.matrix(GoldenSeriesResponses.readJson("issue2890-expected-dedup.json"));
        assertThat(expected).hasSize(1);
        // The engine selects [start - lookback, end]; bounding must not change the answer.
        assertThat(rangeQuery(dedup(captured, false, START - LOOKBACK, END))).isEqualTo(expected);
        assertThat(rangeQuery(dedup(captured, false, Long.MIN_VALUE, Long.MAX_VALUE))).isEqualTo(expected);
    }

    @Test
    void issue2890WithoutDedupMatchesThanosRangeQueryResult() {
        List<ChunkSeries> captured = GoldenSeriesResponses.load("issue2890-seriesresponses.json");
        Map<Labels, List<Sample>> expected =
                RangeQueryOracle.matrix(GoldenSeriesResponses.readJson("issue2890-expected.json"));
        assertThat(expected).hasSize(2);
        assertThat(rangeQuery(noDedup(captured))).isEqualTo(expected);
    }

    /** Every replica's distinct samples, decoded chunk by chunk into a map: the reference union. */
    private static Map<Labels, TreeMap<Long, Long>> referenceUnion(List<ChunkSeries> captured) {
        Map<Labels, TreeMap<Long, Long>> out = new LinkedHashMap<>();
        for (ChunkSeries series : captured) {
            TreeMap<Long, Long> samples = out.computeIfAbsent(series.labels(), l -> new TreeMap<>());
            series.chunks().stream()
                    .sorted((x, y) -> Long.compare(x.minTime(), y.minTime()))
                    .forEach(chunk -> Sample.drain(new ChunkSeriesIterator(List.of(chunk)))
                            .forEach(s -> samples.putIfAbsent(s.t(), s.bits())));
        }
        return out;
    }

    private static List<Sample> asSamples(TreeMap<Long, Long> samples) {
        List<Sample> out = new ArrayList<>();
        samples.forEach((t, bits) -> out.add(new Sample(t, bits)));
        return out;
    }

    private static long staleCount(List<Sample> samples) {
        return samples.stream().filter(s -> s.bits() == StaleNaN.BITS).count();
    }

    @Test
    void issue2401MergeKeepsEveryDistinctSampleAndStaleMarkerBitExact() {
        List<ChunkSeries> captured = GoldenSeriesResponses.load("issue2401-seriesresponses.json");
        Map<Labels, TreeMap<Long, Long>> reference = referenceUnion(captured);
        Map<Labels, List<Sample>> merged = noDedup(captured);

        assertThat(merged.keySet()).containsExactlyElementsOf(reference.keySet());
        for (Labels labels : reference.keySet()) {
            List<Sample> expected = asSamples(reference.get(labels));
            assertThat(staleCount(expected)).as("stale markers in %s", labels).isPositive();
            assertThat(merged.get(labels)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void issue2401DedupIsStrictlyIncreasingAndKeepsStaleMarkers() {
        List<ChunkSeries> captured = GoldenSeriesResponses.load("issue2401-seriesresponses.json");
        Map<Labels, TreeMap<Long, Long>> reference = referenceUnion(captured);
        int largestReplica = reference.values().stream().mapToInt(TreeMap::size).max().orElseThrow();

        for (boolean counter : new boolean[] {false, true}) {
            Map<Labels, List<Sample>> deduplicated = dedup(captured, counter, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(deduplicated).hasSize(1);
            List<Sample> out = deduplicated.values().iterator().next();
            assertThat(out.get(0).t()).isEqualTo(reference.values().stream().mapToLong(TreeMap::firstKey).min().orElseThrow());
            for (int i = 1; i < out.size(); i++) {
                assertThat(out.get(i).t()).as("timestamps strictly increase").isGreaterThan(out.get(i - 1).t());
            }
            // Not doubled: both replicas scrape every 15 s, 0.65 s apart; an interleaving would
            // put samples 0.65 s apart. Switching replicas across a gap may add a sample or two.
            for (int i = 1; i < out.size(); i++) {
                assertThat(out.get(i).t() - out.get(i - 1).t()).as("interval before %s", out.get(i)).isGreaterThan(7_500);
            }
            assertThat(out.size()).isBetween(largestReplica - 5, largestReplica + 5);
            for (Sample s : out) {
                boolean fromSomeReplica = false;
                for (TreeMap<Long, Long> replica : reference.values()) {
                    Long bits = replica.get(s.t());
                    if (bits != null && (bits == s.bits() || counter && bits != StaleNaN.BITS && s.v() >= Double.longBitsToDouble(bits))) {
                        fromSomeReplica = true;
                    }
                }
                assertThat(fromSomeReplica).as("%s comes from a replica sample at that time", s).isTrue();
                if (isStaleInEveryReplicaHavingIt(reference, s.t())) {
                    assertThat(s.bits()).as("stale marker at %s", s.t()).isEqualTo(StaleNaN.BITS);
                }
            }
            assertThat(staleCount(out)).as("stale markers survive dedup").isPositive();
        }
    }

    private static boolean isStaleInEveryReplicaHavingIt(Map<Labels, TreeMap<Long, Long>> reference, long t) {
        boolean any = false;
        for (TreeMap<Long, Long> replica : reference.values()) {
            Long bits = replica.get(t);
            if (bits != null) {
                if (bits != StaleNaN.BITS) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
