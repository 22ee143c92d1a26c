package io.thanosjava.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.StaleNaN;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of merging and deduplication over random replicas, chunkings and store layouts. */
class MergeAndDedupPropertiesTest {
    private static final Set<String> REPLICA = Set.of("replica");
    private static final Labels SERIES = Labels.of("__name__", "m");

    /** Random strictly increasing samples: clustered timestamps force overlaps and equal times. */
    private static List<Sample> randomSamples(Random random, int maxCount) {
        int count = random.nextInt(maxCount + 1);
        List<Sample> out = new ArrayList<>();
        long t = random.nextInt(2_000) - 1_000;
        for (int i = 0; i < count; i++) {
            t += 1 + (random.nextInt(10) == 0 ? random.nextInt(60_000) : random.nextInt(20_000));
            out.add(Sample.of(t, randomValue(random)));
        }
        return out;
    }

    private static double randomValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> StaleNaN.VALUE;
            case 1 -> -0.0;
            case 2 -> Double.longBitsToDouble(0x7ff8000000000123L);
            default -> random.nextInt(1_000) / 4.0;
        };
    }

    /** Cuts samples into chunks of random sizes. */
    private static List<Chunk> randomChunks(Random random, List<Sample> samples) {
        List<Chunk> out = new ArrayList<>();
        int i = 0;
        while (i < samples.size()) {
            int n = 1 + random.nextInt(8);
            out.add(TestData.chunk(samples.subList(i, Math.min(samples.size(), i + n))));
            i += n;
        }
        return out;
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    // ---- merge ----

    /**
     * Decoding overlapping chunks equals the sorted union of their samples, where at equal
     * timestamps the chunk first in (min time, max time, arrival) order wins, within the bounds.
     */
    @Property(tries = 300)
    void mergeEqualsSortedUnion(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        int stores = 1 + random.nextInt(4);
        List<ChunkSeriesSet> inputs = new ArrayList<>();
        List<Chunk> arrival = new ArrayList<>();
        for (int s = 0; s < stores; s++) {
            List<Chunk> chunks = randomChunks(random, randomSamples(random, 40));
            arrival.addAll(chunks);
            inputs.add(ChunkSeriesSet.of(List.of(new ChunkSeries(SERIES, chunks))));
        }
        long mint = random.nextBoolean() ? Long.MIN_VALUE : random.nextInt(200_000) - 1_000;
        long maxt = random.nextBoolean() ? Long.MAX_VALUE : mint + random.nextInt(400_000);

        TreeMap<Long, Long> union = new TreeMap<>();
        List<Chunk> ordered = new ArrayList<>(arrival);
        ordered.sort(Comparator.comparingLong(Chunk::minTime).thenComparingLong(Chunk::maxTime));
        for (Chunk chunk : ordered) {
            for (Sample sample : Sample.drain(new ChunkSeriesIterator(List.of(chunk)))) {
                if (sample.t() >= mint && sample.t() <= maxt) {
                    union.putIfAbsent(sample.t(), sample.bits());
                }
            }
        }
        List<Sample> expected = new ArrayList<>();
        union.forEach((t, bits) -> expected.add(new Sample(t, bits)));

        Map<Labels, List<Sample>> merged = TestData.read(new DecodedSeriesSet(ProxyMerge.merge(inputs), mint, maxt));
        assertThat(merged.keySet()).containsExactly(SERIES);
        assertThat(merged.get(SERIES)).containsExactlyElementsOf(expected);
    }

    /** Seeking lands exactly where a linear scan of the same iterator would. */
    @Property(tries = 200)
    void seekAgreesWithNext(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        List<Chunk> chunks = new ArrayList<>();
        for (int s = 0; s < 1 + random.nextInt(3); s++) {
            chunks.addAll(randomChunks(random, randomSamples(random, 30)));
        }
        List<Sample> all = Sample.drain(new ChunkSeriesIterator(chunks));
        SampleIterator it = new ChunkSeriesIterator(chunks);
        long target = Long.MIN_VALUE;
        while (true) {
            target = Math.max(target, target + random.nextInt(40_000));
            long wanted = target;
            Sample expected = all.stream().filter(s -> s.t() >= wanted).findFirst().orElse(null);
            boolean found = it.seek(target);
            if (expected == null) {
                assertThat(found).isFalse();
                assertThat(it.next()).isFalse();
                return;
            }
            assertThat(found).isTrue();
            assertThat(Sample.of(it.atT(), it.atV())).isEqualTo(expected);
            if (random.nextBoolean()) {
                target = it.atT();
            }
        }
    }

    /** The proxy merge yields the sorted distinct label sets, each with its distinct chunks, in any store order. */
    @Property(tries = 200)
    void proxyMergeIsSortedDistinctAndIndependentOfStoreOrder(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        List<Chunk> pool = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.add(TestData.chunk(randomSamples(random, 5).isEmpty()
                    ? List.of(Sample.of(i, i)) : List.of(Sample.of(i * 1000L, i), Sample.of(i * 1000L + 10, i))));
        }
        List<List<ChunkSeries>> stores = new ArrayList<>();
        TreeMap<Labels, TreeSet<String>> expected = new TreeMap<>();
        for (int s = 0; s < 1 + random.nextInt(4); s++) {
            List<ChunkSeries> store = new ArrayList<>();
            for (int n = random.nextInt(6); n > 0; n--) {
                Labels labels = Labels.of("__name__", "m" + random.nextInt(3), "i", Integer.toString(random.nextInt(3)));
                List<Chunk> chunks = new ArrayList<>();
                for (int c = random.nextInt(3); c > 0; c--) {
                    Chunk chunk = pool.get(random.nextInt(pool.size()));
                    chunks.add(chunk);
                    expected.computeIfAbsent(labels, l -> new TreeSet<>()).add(describe(chunk));
                }
                expected.computeIfAbsent(labels, l -> new TreeSet<>());
                store.add(new ChunkSeries(labels, chunks)); // equal neighbours = one series split over frames
            }
            store.sort(Comparator.comparing(ChunkSeries::labels));
            stores.add(store);
        }
        List<String> first = null;
        for (int round = 0; round < 3; round++) {
            Collections.shuffle(stores, random);
            List<ChunkSeriesSet> inputs = new ArrayList<>();
            for (List<ChunkSeries> store : stores) {
                inputs.add(ChunkSeriesSet.of(store));
            }
            List<Labels> labels = new ArrayList<>();
            List<String> described = new ArrayList<>();
            try (ChunkSeriesSet merged = ProxyMerge.merge(inputs)) {
                while (merged.next()) {
                    labels.add(merged.labels());
                    List<String> chunks = merged.chunks().stream().map(MergeAndDedupPropertiesTest::describe).toList();
                    assertThat(chunks).doesNotHaveDuplicates();
                    assertThat(new TreeSet<>(chunks)).isEqualTo(expected.get(merged.labels()));
                    described.add(merged.labels() + "" + new TreeSet<>(chunks));
                }
            }
            assertThat(labels).containsExactlyElementsOf(expected.keySet());
            if (first == null) {
                first = described;
            } else {
                assertThat(described).isEqualTo(first);
            }
        }
    }

    private static String describe(Chunk chunk) {
        return chunk.minTime() + ".." + chunk.maxTime() + ":" + HexFormat.of().formatHex(chunk.data());
    }

    /**
     * Corrupt chunk bytes either still read as strictly increasing samples or fail with
     * {@link ChunkDecodeException}: never another exception, never a hang.
     */
    @Property(tries = 300)
    void corruptChunksFailCleanly(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        List<ChunkSeriesSet> stores = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            List<Chunk> chunks = new ArrayList<>();
            for (Chunk chunk : randomChunks(random, randomSamples(random, 30))) {
                byte[] data = chunk.data().clone();
                for (int flips = random.nextInt(4); flips > 0; flips--) {
                    data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
                }
                int length = random.nextInt(8) == 0 ? random.nextInt(data.length + 1) : data.length;
                chunks.add(new Chunk(chunk.minTime(), chunk.maxTime(), Chunk.XOR, java.util.Arrays.copyOf(data, length)));
            }
            stores.add(replicaStore("r" + r, chunks));
        }
        try {
            List<Sample> out = dedupOne(stores, random.nextBoolean() ? DedupAlgorithm.PENALTY : DedupAlgorithm.CHAIN, false);
            for (int i = 1; i < out.size(); i++) {
                assertThat(out.get(i).t()).isGreaterThan(out.get(i - 1).t());
            }
        } catch (ChunkDecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    // ---- dedup ----

    private static ChunkSeriesSet replicaStore(String replica, List<Chunk> chunks) {
        return ReplicaLabels.stripAndSort(ChunkSeriesSet.of(List.of(
                new ChunkSeries(SERIES.toBuilder().set("replica", replica).build(), chunks))), REPLICA);
    }

    private static List<Sample> dedupOne(List<ChunkSeriesSet> stores, DedupAlgorithm algorithm, boolean counter) {
        Map<Labels, List<Sample>> out = TestData.read(new DedupSeriesSet(ProxyMerge.merge(stores), REPLICA,
                algorithm, counter, Long.MIN_VALUE, Long.MAX_VALUE));
        return out.isEmpty() ? List.of() : out.get(SERIES);
    }

    /** N identical replicas (as Prometheus cuts them: the same chunks) deduplicate to one copy. */
    @Property(tries = 200)
    void dedupOfIdenticalCopiesEqualsOneCopy(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 5) int copies) {
        Random random = new Random(seed);
        List<Sample> samples = randomSamples(random, 60);
        List<Chunk> chunks = randomChunks(random, samples);
        for (DedupAlgorithm algorithm : DedupAlgorithm.values()) {
            List<ChunkSeriesSet> stores = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                stores.add(replicaStore("r" + c, chunks));
            }
            assertThat(dedupOne(stores, algorithm, random.nextBoolean())).containsExactlyElementsOf(samples);
        }
    }

    /** The same at the iterator level, where identical replicas really are merged sample by sample. */
    @Property(tries = 200)
    void penaltyOfIdenticalIteratorsEqualsOneCopy(@ForAll("seeds") long seed, @ForAll @IntRange(min = 2, max = 5) int copies) {
        Random random = new Random(seed);
        List<Sample> samples = randomSamples(random, 60);
        boolean counter = random.nextBoolean();
        List<SampleIterator> replicas = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            replicas.add(arrays(samples));
        }
        assertThat(Sample.drain(DedupIterators.penalty(replicas, counter))).containsExactlyElementsOf(samples);
        assertThat(Sample.drain(new ChainMergeIterator(arrays(samples), arrays(samples)))).containsExactlyElementsOf(samples);
    }

    private static ArraySampleIterator arrays(List<Sample> samples) {
        long[] t = new long[samples.size()];
        double[] v = new double[samples.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = samples.get(i).t();
            v[i] = samples.get(i).v();
        }
        return new ArraySampleIterator(t, v, 0, t.length);
    }

    /**
     * Random replicas with gaps, offsets and chunkings: output timestamps strictly increase, and
     * without counter adjustment every output sample is some replica's sample, bit for bit.
     */
    @Property(tries = 300)
    void dedupOutputIsStrictlyIncreasingAndMadeOfInputSamples(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        int replicas = 2 + random.nextInt(3);
        List<List<Sample>> inputs = new ArrayList<>();
        List<ChunkSeriesSet> stores = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            List<Sample> samples = randomSamples(random, 50);
            inputs.add(samples);
            stores.add(replicaStore("r" + r, randomChunks(random, samples)));
        }
        DedupAlgorithm algorithm = random.nextBoolean() ? DedupAlgorithm.PENALTY : DedupAlgorithm.CHAIN;
        boolean counter = random.nextBoolean();
        List<Sample> out = dedupOne(stores, algorithm, counter);
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).t()).isGreaterThan(out.get(i - 1).t());
        }
        if (!counter || algorithm == DedupAlgorithm.CHAIN) {
            for (Sample s : out) {
                assertThat(inputs.stream().anyMatch(r -> r.contains(s))).as("%s is an input sample", s).isTrue();
            }
        }
        if (algorithm == DedupAlgorithm.CHAIN) {
            TreeSet<Long> times = new TreeSet<>();
            inputs.forEach(r -> r.forEach(s -> times.add(s.t())));
            assertThat(out.stream().map(Sample::t).toList()).containsExactlyElementsOf(times);
        }
    }

    /** The streaming penalty iterator agrees with the plain reference model, counter adjustment included. */
    @Property(tries = 500)
    void penaltyIteratorMatchesReferenceModel(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        List<Sample> a = randomSamples(random, 50);
        List<Sample> b = randomSamples(random, 50);
        boolean counter = random.nextBoolean();
        SampleIterator it = DedupIterators.penalty(List.of(arrays(a), arrays(b)), counter);
        assertThat(Sample.drain(it)).containsExactlyElementsOf(ReferencePenalty.dedup(a, b, counter));
    }

    /** Without counter adjustment a nested merge is the merge of the inner merge's output. */
    @Property(tries = 300)
    void nestedPenaltyEqualsPenaltyOfMaterialisedInner(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        List<Sample> a = randomSamples(random, 40);
        List<Sample> b = randomSamples(random, 40);
        List<Sample> c = randomSamples(random, 40);
        SampleIterator nested = DedupIterators.penalty(List.of(arrays(a), arrays(b), arrays(c)), false);
        List<Sample> inner = ReferencePenalty.dedup(a, b, false);
        assertThat(Sample.drain(nested)).containsExactlyElementsOf(ReferencePenalty.dedup(inner, c, false));
    }

    /**
     * The set merges chains in one pass (penalty merges of lazily decoded chains, folds, the
     * iterator tree only for three or more replicas with the counter adjustment); that must equal the iterator
     * tree over each chain's chunks, bounds, stale markers and counter adjustment included.
     */
    @Property(tries = 400)
    void dedupSetEqualsIteratorsOverEachChain(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        List<List<Chunk>> replicas = new ArrayList<>();
        for (int r = 2 + random.nextInt(3); r > 0; r--) {
            replicas.add(randomChunks(random, randomSamples(random, 50)));
        }
        DedupAlgorithm algorithm = random.nextInt(4) == 0 ? DedupAlgorithm.CHAIN : DedupAlgorithm.PENALTY;
        boolean counter = random.nextBoolean();
        long mint = random.nextBoolean() ? Long.MIN_VALUE : random.nextInt(200_000) - 1_000;
        long maxt = random.nextBoolean() ? Long.MAX_VALUE : mint + random.nextInt(400_000);

        assertDedupSetEqualsIteratorsOverEachChain(replicas, algorithm, counter, mint, maxt);
    }

    /**
     * Replicas as HA Prometheus pairs scrape them: one schedule, each replica a little late and
     * jittered, with outages and counter resets of its own. The penalty merge follows one replica
     * and decodes the other only across gaps; its output must still be the iterator tree's.
     */
    @Property(tries = 400)
    void dedupOfScrapedReplicasEqualsIteratorsOverEachChain(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        int count = 2 + (random.nextInt(4) == 0 ? random.nextInt(2) : 0);
        int samples = random.nextInt(120);
        // Half the time a coarse jitter: intervals then cross the penalty's threshold often.
        boolean coarse = random.nextBoolean();
        long interval = coarse ? 20 : 15_000;
        int jitter = coarse ? 15 : 3;
        List<List<Chunk>> replicas = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            long offset = random.nextInt(coarse ? 21 : 501);
            long outageFrom = random.nextInt(3) == 0 ? random.nextInt(samples + 1) : -1;
            long outageTo = outageFrom + random.nextInt(30);
            double value = 0;
            List<Sample> scraped = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                value = random.nextInt(40) == 0 ? 0 : value + random.nextInt(100);
                if (i < outageFrom || i > outageTo) {
                    scraped.add(Sample.of(i * interval + offset + random.nextInt(jitter), random.nextInt(50) == 0 ? StaleNaN.VALUE : value));
                }
            }
            replicas.add(randomChunks(random, scraped));
        }
        boolean counter = random.nextBoolean();
        int span = samples * (int) interval + 1;
        long mint = random.nextBoolean() ? Long.MIN_VALUE : random.nextInt(span);
        long maxt = random.nextBoolean() ? Long.MAX_VALUE : mint + random.nextInt(span);
        assertDedupSetEqualsIteratorsOverEachChain(replicas, DedupAlgorithm.PENALTY, counter, mint, maxt);
    }

    private static void assertDedupSetEqualsIteratorsOverEachChain(List<List<Chunk>> replicas, DedupAlgorithm algorithm,
            boolean counter, long mint, long maxt) {
        Map<Labels, List<Sample>> out = TestData.read(new DedupSeriesSet(ProxyMerge.merge(replicaStores(replicas)),
                REPLICA, algorithm, counter, mint, maxt));

        ChunkSeriesSet merged = ProxyMerge.merge(replicaStores(replicas));
        assertThat(merged.next()).isTrue();
        OverlapSplit split = new OverlapSplit();
        split.split(merged.chunks());
        List<SampleIterator> chains = new ArrayList<>();
        for (int c = 0; c < split.count(); c++) {
            chains.add(new ChunkSeriesIterator(split.chain(c), mint, maxt));
        }
        SampleIterator expected = algorithm == DedupAlgorithm.CHAIN
                ? DedupIterators.chain(chains) : DedupIterators.penalty(chains, counter);
        assertThat(out.get(SERIES)).containsExactlyElementsOf(Sample.drain(expected));
    }

    private static List<ChunkSeriesSet> replicaStores(List<List<Chunk>> replicas) {
        List<ChunkSeriesSet> stores = new ArrayList<>();
        for (int r = 0; r < replicas.size(); r++) {
            stores.add(replicaStore("r" + r, replicas.get(r)));
        }
        return stores;
    }

    /** Replicas that agree where they overlap give the same result whatever order the stores come in. */
    @Property(tries = 200)
    void dedupIsIndependentOfStoreOrder(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        int replicas = 2 + random.nextInt(3);
        List<List<Chunk>> chunked = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            List<Sample> samples = new ArrayList<>();
            for (Sample s : randomSamples(random, 40)) {
                samples.add(Sample.of(s.t(), s.t() % 97)); // the value depends on the time only
            }
            chunked.add(randomChunks(random, samples));
        }
        for (DedupAlgorithm algorithm : DedupAlgorithm.values()) {
            List<Sample> first = null;
            for (int round = 0; round < 3; round++) {
                List<Integer> order = new ArrayList<>();
                for (int r = 0; r < replicas; r++) {
                    order.add(r);
                }
                Collections.shuffle(order, random);
                List<ChunkSeriesSet> stores = new ArrayList<>();
                for (int r : order) {
                    stores.add(replicaStore("r" + r, chunked.get(r)));
                }
                List<Sample> out = dedupOne(stores, algorithm, false);
                if (first == null) {
                    first = out;
                } else {
                    assertThat(out).as(algorithm.name()).isEqualTo(first);
                }
            }
        }
    }
}
