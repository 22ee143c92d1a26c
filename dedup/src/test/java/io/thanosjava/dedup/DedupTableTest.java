package io.thanosjava.dedup;

import static io.thanosjava.dedup.Sample.regular;
import static io.thanosjava.dedup.Sample.samples;
import static io.thanosjava.dedup.TestData.read;
import static io.thanosjava.dedup.TestData.series;
import static io.thanosjava.dedup.TestData.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replica deduplication behaviours, each with expected samples worked out by hand in the comments. */
class DedupTableTest {
    private static final Set<String> REPLICA = Set.of("replica");
    private static final Labels UP = Labels.of("__name__", "up", "job", "api");

    private static Labels up(String... extra) {
        return UP.toBuilder().set(extra[0], extra[1]).build();
    }

    /** Stores that did not strip the labels themselves, merged and deduplicated as the querier does. */
    private static Map<Labels, List<Sample>> dedup(Set<String> replicaLabels, DedupAlgorithm algorithm,
            boolean counter, ChunkSeriesSet... stores) {
        List<ChunkSeriesSet> stripped = new ArrayList<>();
        for (ChunkSeriesSet store : stores) {
            stripped.add(ReplicaLabels.stripAndSort(store, replicaLabels));
        }
        return read(new DedupSeriesSet(ProxyMerge.merge(stripped), replicaLabels, algorithm, counter,
                Long.MIN_VALUE, Long.MAX_VALUE));
    }

    private static Map<Labels, List<Sample>> penalty(ChunkSeriesSet... stores) {
        return dedup(REPLICA, DedupAlgorithm.PENALTY, false, stores);
    }

    @Test
    void twoIdenticalReplicasGiveOneCopy() {
        List<Sample> data = regular(0, 15_000, 1_785_000, 7.0);
        var result = penalty(store(series(up("replica", "a"), data)), store(series(up("replica", "b"), data)));
        assertThat(result).containsExactly(Map.entry(UP, data));
    }

    @Test
    void identicalReplicasInOneStoreAlsoGiveOneCopy() {
        List<Sample> data = regular(0, 15_000, 300_000, 7.0);
        var result = penalty(store(series(up("replica", "a"), data), series(up("replica", "b"), data)));
        assertThat(result).containsExactly(Map.entry(UP, data));
    }

    /**
     * A scrapes at 0, 15 s, ..., 285 s, is down for ten minutes, and resumes at 900 s; B scrapes
     * 5 s later than A throughout (5 s .. 1190 s). Penalty after A's last sample at 285 s is
     * 2 x 15 s, so B is sought to >= 315.001 s: its 290 s and 305 s are skipped and it takes over at
     * 320 s (k = 21), penalising A by 2 x 35 s. From then on A's seek target stays 30 s after each
     * B sample, so B is followed to its end; A's samples after 900 s are never used.
     */
    @Test
    void replicaMissingTenMinutesIsFilledFromTheOther() {
        List<Sample> a = new ArrayList<>(regular(0, 15_000, 285_000, 1));
        a.addAll(regular(900_000, 15_000, 1_185_000, 1));
        List<Sample> b = regular(5_000, 15_000, 1_190_000, 2);

        var result = penalty(store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b)));

        List<Sample> expected = new ArrayList<>(regular(0, 15_000, 285_000, 1));
        expected.addAll(regular(320_000, 15_000, 1_190_000, 2));
        assertThat(result).containsExactly(Map.entry(UP, expected));
        assertThat(expected).hasSize(20 + 59);
    }

    /** B scrapes 200 ms after A: B is always within the penalty window, so exactly A comes out. */
    @Test
    void replicasScraped200msApartDoNotDoubleTheSampleRate() {
        List<Sample> a = regular(0, 15_000, 3_585_000, 1);
        List<Sample> b = regular(200, 15_000, 3_585_200, 2);
        var result = penalty(store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b)));
        assertThat(result).containsExactly(Map.entry(UP, a));
    }

    /**
     * Replicas are told apart by chunk overlap, not by label, as in Thanos: with one more sample each,
     * both replicas end with a one-sample chunk ([3600 s] and [3600.2 s]) that do not overlap, so B's
     * last chunk joins A's chain and its sample follows A's.
     */
    @Test
    void nonOverlappingTrailingChunksJoinOneChain() {
        List<Sample> a = regular(0, 15_000, 3_600_000, 1);
        List<Sample> b = regular(200, 15_000, 3_600_200, 2);
        var result = penalty(store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b)));
        List<Sample> expected = new ArrayList<>(a);
        expected.add(Sample.of(3_600_200, 2));
        assertThat(result).containsExactly(Map.entry(UP, expected));
    }

    /** With {@code chain} the same replicas are unioned: twice the samples, as documented. */
    @Test
    void chainUnionsReplicasScrapedApart() {
        List<Sample> a = regular(0, 15_000, 60_000, 1);
        List<Sample> b = regular(200, 15_000, 60_200, 2);
        var result = dedup(REPLICA, DedupAlgorithm.CHAIN, false,
                store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b)));
        assertThat(result).containsExactly(Map.entry(UP, samples(
                0, 1, 200, 2, 15_000, 1, 15_200, 2, 30_000, 1, 30_200, 2, 45_000, 1, 45_200, 2, 60_000, 1, 60_200, 2)));
    }

    @Test
    void chainKeepsOneSampleAtEqualTimestamps() {
        List<Sample> a = samples(0, 1, 10, 1, 20, 1);
        List<Sample> b = samples(10, 1, 15, 1, 30, 1);
        var result = dedup(REPLICA, DedupAlgorithm.CHAIN, false,
                store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b)));
        assertThat(result).containsExactly(Map.entry(UP, samples(0, 1, 10, 1, 15, 1, 20, 1, 30, 1)));
    }

    /**
     * A counter: A has 100, 110, 120 at 0, 15 s, 30 s and then stops. B, scraped 5 s later, restarted
     * at 50 s, so its values drop from 121 to 2. Emitted: A's three samples (B sought to >= 45.001 s,
     * then 60.001 s), then, A exhausted, B at 65 s (value 12). The switch from A to B happens with
     * last value 120 > 12, so B is corrected by +108: 65 s -> 120, 80 s -> 130.
     */
    @Test
    void counterResetOnOneReplicaIsAdjustedAcrossTheSwitch() {
        ChunkSeriesSet[] stores = counterResetStores();
        var adjusted = dedup(REPLICA, DedupAlgorithm.PENALTY, true, stores);
        assertThat(adjusted).containsExactly(Map.entry(UP, samples(0, 100, 15_000, 110, 30_000, 120, 65_000, 120, 80_000, 130)));

        var raw = dedup(REPLICA, DedupAlgorithm.PENALTY, false, counterResetStores());
        assertThat(raw).containsExactly(Map.entry(UP, samples(0, 100, 15_000, 110, 30_000, 120, 65_000, 12, 80_000, 22)));
    }

    private static ChunkSeriesSet[] counterResetStores() {
        List<Sample> a = samples(0, 100, 15_000, 110, 30_000, 120);
        List<Sample> b = samples(5_000, 101, 20_000, 111, 35_000, 121, 50_000, 2, 65_000, 12, 80_000, 22);
        return new ChunkSeriesSet[] {store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b))};
    }

    /** A reset on the replica that is never switched to leaves the followed replica untouched. */
    @Test
    void counterResetOnTheUnusedReplicaIsIgnored() {
        List<Sample> a = samples(0, 100, 15_000, 110, 30_000, 120, 45_000, 130);
        List<Sample> b = samples(200, 100, 15_200, 1, 30_200, 11, 45_200, 21);
        var result = dedup(REPLICA, DedupAlgorithm.PENALTY, true,
                store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b)));
        assertThat(result).containsExactly(Map.entry(UP, a));
    }

    /**
     * Three replicas merged as ((A + B) + C). A: 0, 15 s, 30 s. B: 1 s, 46 s, 61 s, 76 s (its first
     * sample makes its chunk overlap A's, so it stays a replica of its own). C: 2 s + k x 15 s up to
     * 152 s. A is followed to 30 s (B and C penalised by 30 s); then inside (A + B) A is exhausted
     * and B, sought to >= 60.001 s, gives 61 s, which beats C's 62 s; C is penalised by 2 x 31 s.
     * B continues at 76 s while C, sought to >= 123.001 s, moves to 137 s. B is exhausted; C cannot go
     * back to 107 s or 122 s, so it takes over at 137 s.
     */
    @Test
    void threeReplicas() {
        List<Sample> a = samples(0, 1, 15_000, 1, 30_000, 1);
        List<Sample> b = samples(1_000, 2, 46_000, 2, 61_000, 2, 76_000, 2);
        List<Sample> c = regular(2_000, 15_000, 152_000, 3);
        var result = penalty(store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b)),
                store(series(up("replica", "c"), c)));
        assertThat(result).containsExactly(Map.entry(UP, samples(
                0, 1, 15_000, 1, 30_000, 1, 61_000, 2, 76_000, 2, 137_000, 3, 152_000, 3)));
    }

    /** A series without the replica label is still a replica of the stripped label set. */
    @Test
    void replicaLabelAbsentOnSomeSeries() {
        Labels other = Labels.of("__name__", "up", "job", "db");
        List<Sample> a = regular(0, 15_000, 60_000, 1);
        List<Sample> b = regular(300, 15_000, 60_300, 2);
        var result = penalty(
                store(series(up("replica", "a"), a), series(other, regular(0, 10_000, 20_000, 5))),
                store(series(UP, b), series(other.toBuilder().set("replica", "b").build(), regular(1_000, 10_000, 21_000, 6))));
        assertThat(result).containsExactly(
                Map.entry(UP, a),
                Map.entry(other, regular(0, 10_000, 20_000, 5)));
    }

    /** With replica labels {replica, rule_replica} all three combinations are one series. */
    @Test
    void severalReplicaLabels() {
        Set<String> labels = Set.of("replica", "rule_replica");
        List<Sample> a = samples(0, 1, 15_000, 1);
        List<Sample> b = samples(30_000, 2, 45_000, 2);
        List<Sample> c = samples(60_000, 3, 75_000, 3);
        var result = dedup(labels, DedupAlgorithm.PENALTY, false,
                store(series(up("replica", "0"), a)),
                store(series(up("rule_replica", "1"), b)),
                store(series(UP.toBuilder().set("replica", "1").set("rule_replica", "0").build(), c)));
        // The switches happen at gaps of 15 s = the last interval, beyond the penalties.
        assertThat(result).containsExactly(Map.entry(UP, samples(0, 1, 15_000, 1, 30_000, 2, 45_000, 2, 60_000, 3, 75_000, 3)));
    }

    /** Only configured labels are removed: series differing in another label stay apart. */
    @Test
    void seriesDifferingOnlyInAnUnconfiguredLabelAreNotMerged() {
        Labels p1 = UP.toBuilder().set("prometheus", "p1").build();
        Labels p2 = UP.toBuilder().set("prometheus", "p2").build();
        List<Sample> a = regular(0, 15_000, 60_000, 1);
        List<Sample> b = regular(0, 15_000, 60_000, 2);
        var result = penalty(store(series(p1.toBuilder().set("replica", "a").build(), a)),
                store(series(p2.toBuilder().set("replica", "b").build(), b)));
        assertThat(result).containsExactly(Map.entry(p1, a), Map.entry(p2, b));
    }

    /** Dedup off: every replica with its replica label intact. */
    @Test
    void dedupOffKeepsEveryReplica() {
        List<Sample> a = regular(0, 15_000, 60_000, 1);
        List<Sample> b = regular(200, 15_000, 60_200, 2);
        Labels ra = up("replica", "a");
        Labels rb = up("replica", "b");
        var result = read(new DecodedSeriesSet(
                ProxyMerge.merge(List.of(store(series(rb, b)), store(series(ra, a)))), Long.MIN_VALUE, Long.MAX_VALUE));
        assertThat(result).containsExactly(Map.entry(ra, a), Map.entry(rb, b));
    }

    /**
     * The worked example of the wire spec (section 5.3): B's 50 s is skipped, B is followed after A's
     * gap. A's 135 s was passed over when A was sought to >= 135.001 s while B was followed, so after
     * B's end A resumes at 150 s.
     */
    @Test
    void specWorkedExample() {
        List<Sample> a = new ArrayList<>(samples(0, 1, 15_000, 1, 30_000, 1));
        a.addAll(regular(90_000, 15_000, 150_000, 1));
        List<Sample> b = regular(5_000, 15_000, 95_000, 2);
        var result = penalty(store(series(up("replica", "a"), a)), store(series(up("replica", "b"), b)));
        assertThat(result).containsExactly(Map.entry(UP, samples(
                0, 1, 15_000, 1, 30_000, 1, 65_000, 2, 80_000, 2, 95_000, 2, 150_000, 1)));
    }

    @Test
    void samplesAreBoundedToTheQueryRange() {
        List<Sample> a = regular(0, 15_000, 120_000, 1);
        List<Sample> b = regular(200, 15_000, 120_200, 2);
        var set = new DedupSeriesSet(ProxyMerge.merge(List.of(
                ReplicaLabels.stripAndSort(store(series(up("replica", "a"), a)), REPLICA),
                ReplicaLabels.stripAndSort(store(series(up("replica", "b"), b)), REPLICA))),
                REPLICA, DedupAlgorithm.PENALTY, false, 20_000, 95_000);
        assertThat(read(set)).containsExactly(Map.entry(UP, regular(30_000, 15_000, 90_000, 1)));
    }

    /** One replica of {@code up} whose samples are cut into the given chunks. */
    private static ChunkSeriesSet chunked(String replica, List<List<Sample>> chunks) {
        return store(new ChunkSeries(up("replica", replica), chunks.stream().map(TestData::chunk).toList()));
    }

    /**
     * While following A the merge does not decode B as long as A's next sample is no later than
     * B's seek target (here also B's first sample, read from its chunk head); one millisecond past
     * it, B must be read. A's interval of 1 s makes B's target 7.001 s after A's 4 s; A's next is
     * 7.002 s, so B's 7.001 s is earlier and taken.
     */
    @Test
    void followedReplicaOneMillisecondPastTheOthersTargetLetsTheOtherIn() {
        var result = penalty(chunked("a", List.of(samples(0, 1, 1_000, 1, 2_000, 1, 3_000, 1, 4_000, 1, 7_002, 1))),
                chunked("b", List.of(samples(7_001, 2))));
        assertThat(result).containsExactly(Map.entry(UP,
                samples(0, 1, 1_000, 1, 2_000, 1, 3_000, 1, 4_000, 1, 7_001, 2)));
    }

    /**
     * The same boundary once B's chunk is decoded (A's 10 s was past B's first target, 5.001 s):
     * after A's 30 s B's target is 50.001 s, where B has a sample, earlier than A's 50.002 s.
     */
    @Test
    void decodedSampleOfTheOtherReplicaExactlyAtItsTargetIsTaken() {
        var result = penalty(chunked("a", List.of(samples(0, 1, 10_000, 1, 20_000, 1, 30_000, 1, 50_002, 1))),
                chunked("b", List.of(samples(1, 2, 50_001, 2))));
        assertThat(result).containsExactly(Map.entry(UP,
                samples(0, 1, 10_000, 1, 20_000, 1, 30_000, 1, 50_001, 2)));
    }

    /**
     * Following B (A paused after 1 s), A's next chunk starts exactly at A's seek target and at
     * B's next sample: A wins the tie, as the replica whose chunks sort first always does. A's
     * target after B's 16 s (interval 2 s) is 20.001 s.
     */
    @Test
    void tieAtTheSeekTargetGoesToTheFirstReplicaEvenWhileFollowingTheSecond() {
        var result = penalty(
                chunked("a", List.of(samples(0, 1, 1_000, 1), samples(7_000, 1), samples(20_001, 1))),
                chunked("b", List.of(samples(1, 2, 6_000, 2, 8_000, 2, 10_000, 2, 12_000, 2, 14_000, 2, 16_000, 2,
                        20_001, 2))));
        assertThat(result).containsExactly(Map.entry(UP, samples(0, 1, 1_000, 1, 6_000, 2, 8_000, 2, 10_000, 2,
                12_000, 2, 14_000, 2, 16_000, 2, 20_001, 1)));
    }
}
