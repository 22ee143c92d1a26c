package io.thanosjava.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.thanosjava.model.Labels;
import io.thanosjava.model.Xxh64;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorChunks;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.store.AggrChunk;
import io.thanosjava.storeapi.proto.store.LabelMatcher;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelValuesRequest;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.ShardInfo;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Black-box StoreAPI acceptance suite over real gRPC. A store implementation extends this class,
 * serves {@link #FIXTURE} with {@link #EXTERNAL_LABELS} from {@link #startStore} and passes every
 * test: matchers of every type and their empty-value semantics, external-label matchers and
 * override, time ranges that cut chunks, {@code skip_chunks}, {@code without_replica_labels},
 * {@code limit}, {@code shard_info}, {@code response_batch_size}, label names and values, Info.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreApiAcceptanceSuite {
    /** One fixture series: labels and strictly increasing samples. */
    public record FixtureSeries(Labels labels, long[] timestamps, double[] values) {}

    public static final Labels EXTERNAL_LABELS = Labels.of("cluster", "c1", "replica", "a");
    public static final List<FixtureSeries> FIXTURE = List.of(
            series(Labels.of("__name__", "up", "job", "api", "instance", "a"), 300, 0, 15_000),
            series(Labels.of("__name__", "up", "job", "api", "instance", "b"), 240, 5_000, 15_000),
            series(Labels.of("__name__", "up", "job", "db", "instance", "c"), 10, 0, 60_000),
            series(Labels.of("__name__", "cpu", "env", "prod"), 5, 0, 1_000),
            series(Labels.of("__name__", "cpu"), 5, 0, 1_000),
            // Removing label b swaps the order of these two.
            series(Labels.of("__name__", "reorder", "a", "1", "c", "0"), 3, 0, 1_000),
            series(Labels.of("__name__", "reorder", "a", "1", "b", "9", "c", "1"), 3, 0, 1_000),
            // Its own replica label is overridden by the external one.
            series(Labels.of("__name__", "shadowed", "replica", "internal"), 2, 0, 1_000));

    private static final long DATA_MAX_TIME = 299 * 15_000L;
    private static final String UP_A = "{__name__=\"up\", cluster=\"c1\", instance=\"a\", job=\"api\", replica=\"a\"}";
    private static final String UP_B = "{__name__=\"up\", cluster=\"c1\", instance=\"b\", job=\"api\", replica=\"a\"}";
    private static final String UP_C = "{__name__=\"up\", cluster=\"c1\", instance=\"c\", job=\"db\", replica=\"a\"}";
    private static final String CPU_PROD = "{__name__=\"cpu\", cluster=\"c1\", env=\"prod\", replica=\"a\"}";
    private static final String CPU = "{__name__=\"cpu\", cluster=\"c1\", replica=\"a\"}";
    private static final String SHADOWED = "{__name__=\"shadowed\", cluster=\"c1\", replica=\"a\"}";
    private static final String REORDER_C1 = "{__name__=\"reorder\", a=\"1\", b=\"9\", c=\"1\", cluster=\"c1\", replica=\"a\"}";
    private static final String REORDER_C0 = "{__name__=\"reorder\", a=\"1\", c=\"0\", cluster=\"c1\", replica=\"a\"}";
    /** Every fixture series as sent, in wire order. */
    private static final List<String> ALL = List.of(CPU_PROD, CPU, REORDER_C1, REORDER_C0, SHADOWED, UP_A, UP_B, UP_C);

    private ManagedChannel channel;
    private StoreGrpc.StoreBlockingStub store;

    /** Starts the store under test serving {@code series} with {@code externalLabels}; returns host:port. */
    protected abstract String startStore(List<FixtureSeries> series, Labels externalLabels) throws Exception;

    protected abstract void stopStore() throws Exception;

    @BeforeAll
    void connect() throws Exception {
        String address = startStore(FIXTURE, EXTERNAL_LABELS);
        channel = NettyChannelBuilder.forTarget(address).usePlaintext().maxInboundMessageSize(Integer.MAX_VALUE).build();
        store = StoreGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.MINUTES);
    }

    @AfterAll
    void disconnect() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        stopStore();
    }

    // ---- matchers -------------------------------------------------------------------------------

    @Test
    void equalityMatchers() {
        assertThat(select(eq("__name__", "up"), eq("job", "api"))).containsExactly(UP_A, UP_B);
    }

    @Test
    void inequalityMatcher() {
        assertThat(select(eq("__name__", "up"), neq("job", "api"))).containsExactly(UP_C);
    }

    @Test
    void regexAlternation() {
        assertThat(select(eq("__name__", "up"), re("instance", "a|c"))).containsExactly(UP_A, UP_C);
    }

    @Test
    void negativeRegexAlsoSelectsSeriesWithoutTheLabel() {
        assertThat(select(re("__name__", "up|cpu"), nre("instance", "a|b"))).containsExactly(CPU_PROD, CPU, UP_C);
    }

    @Test
    void regexIsFullyAnchored() {
        assertThat(select(re("__name__", "u"))).isEmpty();
        assertThat(select(re("__name__", "u.*"))).containsExactly(UP_A, UP_B, UP_C);
    }

    @Test
    void dotStarOnAMissingLabelMatches() {
        assertThat(select(eq("__name__", "cpu"), re("nonexistent", ".*"))).containsExactly(CPU_PROD, CPU);
    }

    @Test
    void dotPlusNeedsTheLabel() {
        assertThat(select(eq("__name__", "cpu"), re("env", ".+"))).containsExactly(CPU_PROD);
    }

    @Test
    void emptyEqualityMeansLabelAbsent() {
        assertThat(select(eq("__name__", "cpu"), eq("env", ""))).containsExactly(CPU);
    }

    @Test
    void notEmptyMeansLabelPresent() {
        assertThat(select(eq("__name__", "cpu"), neq("env", ""))).containsExactly(CPU_PROD);
    }

    @Test
    void nonExistentLabels() {
        assertThat(select(eq("__name__", "cpu"), eq("nonexistent", "x"))).isEmpty();
        assertThat(select(eq("__name__", "cpu"), neq("nonexistent", "x"))).containsExactly(CPU_PROD, CPU);
        assertThat(select(eq("nonexistent", "x"))).isEmpty();
    }

    @Test
    void allSeries() {
        assertThat(select(re("__name__", ".+"))).containsExactlyElementsOf(ALL);
    }

    @Test
    void invalidRegexIsInvalidArgument() {
        assertStatus(() -> series(request(re("job", "(")).build()), Status.Code.INVALID_ARGUMENT);
    }

    // ---- external labels ------------------------------------------------------------------------

    @Test
    void externalLabelsAreAttachedAndOverrideSeriesLabels() {
        assertThat(select(eq("__name__", "shadowed"))).containsExactly(SHADOWED);
        assertThat(select(eq("__name__", "shadowed"), eq("replica", "internal"))).isEmpty();
        assertThat(select(eq("__name__", "shadowed"), eq("replica", "a"))).containsExactly(SHADOWED);
    }

    @Test
    void matchersOnExternalLabels() {
        assertThat(select(eq("__name__", "up"), eq("cluster", "c1"))).containsExactly(UP_A, UP_B, UP_C);
        assertThat(select(eq("__name__", "up"), re("cluster", "c.*"))).containsExactly(UP_A, UP_B, UP_C);
        assertThat(select(eq("__name__", "up"), eq("cluster", "c2"))).isEmpty();
        assertThat(select(eq("__name__", "up"), neq("cluster", "c1"))).isEmpty();
        assertThat(select(eq("__name__", "up"), nre("replica", "a|b"))).isEmpty();
    }

    @Test
    void onlyExternalLabelMatchersAreRefused() {
        assertStatus(() -> series(request(eq("cluster", "c1")).build()), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> series(request().build()), Status.Code.INVALID_ARGUMENT);
        // A contradiction is decided first: nothing to refuse, nothing to send.
        assertThat(select(eq("cluster", "c2"))).isEmpty();
    }

    // ---- time ranges and chunks -----------------------------------------------------------------

    @Test
    void timeRangeSelectsOverlappingChunksWholeAndUntrimmed() {
        // up{instance="a"}: chunks [0, 1785000], [1800000, 3585000], [3600000, 4485000].
        assertThat(chunkRanges(upA(1_790_000, 1_800_000))).containsExactly("1800000-3585000");
        assertThat(chunkRanges(upA(1_785_000, 1_800_000))).containsExactly("0-1785000", "1800000-3585000");
        assertThat(chunkRanges(upA(0, 0))).containsExactly("0-1785000");
        assertThat(chunkRanges(upA(4_485_000, Long.MAX_VALUE))).containsExactly("3600000-4485000");
        assertThat(chunkRanges(upA(Long.MIN_VALUE, Long.MAX_VALUE)))
                .containsExactly("0-1785000", "1800000-3585000", "3600000-4485000");
    }

    @Test
    void seriesWithoutChunksInRangeAreNotSent() {
        SeriesRequest.Builder r = request(eq("__name__", "up")).setMinTime(600_000).setMaxTime(700_000);
        assertThat(names(series(r.build()))).containsExactly(UP_A, UP_B);
        r.setMinTime(DATA_MAX_TIME + 1).setMaxTime(DATA_MAX_TIME + 100_000);
        assertThat(series(r.build())).isEmpty();
        assertThat(series(r.setSkipChunks(true).build())).isEmpty();
    }

    @Test
    void chunksDecodeToTheFixtureSamples() {
        for (Series s : series(request(re("__name__", ".+")).build())) {
            Labels sent = LabelsConverter.fromThanos(s.getLabelsList());
            FixtureSeries f = fixtureFor(sent);
            SampleBuffer decoded = new SampleBuffer();
            for (AggrChunk c : s.getChunksList()) {
                assertThat(c.getRaw().getTypeValue()).isZero();
                XorChunks.decodeInto(c.getRaw().getData().toByteArray(), decoded);
            }
            assertThat(decoded.size()).as("samples of %s", sent).isEqualTo(f.timestamps().length);
            for (int i = 0; i < decoded.size(); i++) {
                assertThat(decoded.timestamp(i)).isEqualTo(f.timestamps()[i]);
                assertThat(Double.doubleToRawLongBits(decoded.value(i))).isEqualTo(Double.doubleToRawLongBits(f.values()[i]));
            }
        }
    }

    @Test
    void skipChunksSendsLabelsOnly() {
        List<Series> all = series(request(re("__name__", ".+")).setSkipChunks(true).build());
        assertThat(names(all)).containsExactlyElementsOf(ALL);
        assertThat(all).allSatisfy(s -> assertThat(s.getChunksCount()).isZero());
    }

    // ---- request options ------------------------------------------------------------------------

    @Test
    void withoutReplicaLabelsStripsAndKeepsTheStreamSorted() {
        List<Series> all = series(request(re("__name__", ".+")).addWithoutReplicaLabels("replica").build());
        // Without the replica label, the prefix {cpu, cluster} now sorts before {cpu, cluster, env}.
        assertThat(names(all)).containsExactly(
                "{__name__=\"cpu\", cluster=\"c1\"}",
                "{__name__=\"cpu\", cluster=\"c1\", env=\"prod\"}",
                "{__name__=\"reorder\", a=\"1\", b=\"9\", c=\"1\", cluster=\"c1\"}",
                "{__name__=\"reorder\", a=\"1\", c=\"0\", cluster=\"c1\"}",
                "{__name__=\"shadowed\", cluster=\"c1\"}",
                "{__name__=\"up\", cluster=\"c1\", instance=\"a\", job=\"api\"}",
                "{__name__=\"up\", cluster=\"c1\", instance=\"b\", job=\"api\"}",
                "{__name__=\"up\", cluster=\"c1\", instance=\"c\", job=\"db\"}");
        assertSorted(all);
    }

    @Test
    void withoutReplicaLabelsReSortsWhenTheOrderChanges() {
        List<String> names = select(List.of("b"), eq("__name__", "reorder"));
        assertThat(names).containsExactly(
                "{__name__=\"reorder\", a=\"1\", c=\"0\", cluster=\"c1\", replica=\"a\"}",
                "{__name__=\"reorder\", a=\"1\", c=\"1\", cluster=\"c1\", replica=\"a\"}");
    }

    @Test
    void withoutReplicaLabelsMakesReplicasAdjacent() {
        List<String> names = select(List.of("instance", "replica"), eq("__name__", "up"));
        assertThat(names).containsExactly(
                "{__name__=\"up\", cluster=\"c1\", job=\"api\"}",
                "{__name__=\"up\", cluster=\"c1\", job=\"api\"}",
                "{__name__=\"up\", cluster=\"c1\", job=\"db\"}");
    }

    @Test
    void limitCapsTheSeriesCount() {
        assertThat(names(series(request(re("__name__", ".+")).setLimit(2).build()))).containsExactly(CPU_PROD, CPU);
        assertThat(names(series(request(re("__name__", ".+")).setLimit(0).build()))).containsExactlyElementsOf(ALL);
        assertThat(names(series(request(re("__name__", ".+")).setLimit(100).build()))).containsExactlyElementsOf(ALL);
    }

    @Test
    void shardsPartitionTheSeriesByLabelHash() {
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int shard = 0; shard < 3; shard++) {
            ShardInfo info = ShardInfo.newBuilder().setShardIndex(shard).setTotalShards(3).build();
            List<Series> part = series(request(re("__name__", ".+")).setShardInfo(info).build());
            assertSorted(part);
            for (Series s : part) {
                Labels l = LabelsConverter.fromThanos(s.getLabelsList());
                assertThat(expectedShard(l, 3, false, Set.of())).isEqualTo(shard);
            }
            total += part.size();
            union.addAll(names(part));
        }
        assertThat(total).isEqualTo(ALL.size());
        assertThat(union).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test
    void shardingByLabelsKeepsGroupsTogether() {
        for (int shard = 0; shard < 2; shard++) {
            ShardInfo info = ShardInfo.newBuilder().setShardIndex(shard).setTotalShards(2).setBy(true).addLabels("job").build();
            List<String> part = select(info, eq("__name__", "up"));
            assertThat(part.contains(UP_A)).isEqualTo(part.contains(UP_B));
            int expected = (int) expectedShard(Labels.of("job", "api"), 2, true, Set.of("job"));
            assertThat(part.contains(UP_A)).isEqualTo(expected == shard);
        }
    }

    @Test
    void unshardedWhenTotalShardsBelowOne() {
        ShardInfo info = ShardInfo.newBuilder().setShardIndex(5).setTotalShards(0).build();
        assertThat(select(info, re("__name__", ".+"))).containsExactlyElementsOf(ALL);
    }

    @Test
    void responseBatchSize() {
        SeriesRequest.Builder r = request(re("__name__", ".+"));
        for (long size : new long[] {0, 1}) {
            List<SeriesResponse> frames = frames(r.setResponseBatchSize(size).build());
            assertThat(frames).hasSize(ALL.size()).allSatisfy(f -> assertThat(f.hasSeries()).isTrue());
        }
        List<SeriesResponse> batched = frames(r.setResponseBatchSize(3).build());
        assertThat(batched).hasSize(3).allSatisfy(f -> assertThat(f.hasBatch()).isTrue());
        assertThat(batched).allSatisfy(f -> assertThat(f.getBatch().getSeriesCount()).isBetween(1, 3));
        assertThat(names(flatten(batched))).containsExactlyElementsOf(ALL);
    }

    // ---- label names and values -----------------------------------------------------------------

    @Test
    void labelNames() {
        assertThat(labelNames(namesRequest())).containsExactly(
                "__name__", "a", "b", "c", "cluster", "env", "instance", "job", "replica");
        assertThat(labelNames(namesRequest().addMatchers(eq("__name__", "cpu"))))
                .containsExactly("__name__", "cluster", "env", "replica");
        assertThat(labelNames(namesRequest().addMatchers(eq("__name__", "cpu")).addWithoutReplicaLabels("replica")))
                .containsExactly("__name__", "cluster", "env");
        assertThat(labelNames(namesRequest().setLimit(2))).containsExactly("__name__", "a");
    }

    @Test
    void labelNamesHonourTimeRangeAndExternalMatchers() {
        assertThat(labelNames(namesRequest().setStart(4_000_000).setEnd(5_000_000)))
                .containsExactly("__name__", "cluster", "instance", "job", "replica");
        assertThat(labelNames(namesRequest().setStart(DATA_MAX_TIME + 1).setEnd(DATA_MAX_TIME + 10))).isEmpty();
        assertThat(labelNames(namesRequest().addMatchers(eq("cluster", "c2")))).isEmpty();
    }

    @Test
    void labelValues() {
        assertThat(labelValues(valuesRequest("job"))).containsExactly("api", "db");
        assertThat(labelValues(valuesRequest("__name__"))).containsExactly("cpu", "reorder", "shadowed", "up");
        assertThat(labelValues(valuesRequest("job").addMatchers(eq("instance", "c")))).containsExactly("db");
        assertThat(labelValues(valuesRequest("instance").setStart(4_000_000).setEnd(5_000_000))).containsExactly("a");
        assertThat(labelValues(valuesRequest("nonexistent"))).isEmpty();
        assertThat(labelValues(valuesRequest("__name__").setLimit(1))).containsExactly("cpu");
    }

    @Test
    void labelValuesOfExternalLabels() {
        assertThat(labelValues(valuesRequest("cluster"))).containsExactly("c1");
        assertThat(labelValues(valuesRequest("replica"))).containsExactly("a");
        assertThat(labelValues(valuesRequest("cluster").addMatchers(eq("cluster", "c2")))).isEmpty();
        assertThat(labelValues(valuesRequest("job").addMatchers(eq("cluster", "c2")))).isEmpty();
        assertThat(labelValues(valuesRequest("cluster").setStart(DATA_MAX_TIME + 1).setEnd(DATA_MAX_TIME + 10))).isEmpty();
    }

    @Test
    void labelValuesOfAnEmptyNameIsInvalidArgument() {
        assertStatus(() -> store.labelValues(valuesRequest("").build()), Status.Code.INVALID_ARGUMENT);
    }

    // ---- info -----------------------------------------------------------------------------------

    @Test
    void infoDescribesTheStore() {
        InfoResponse info = InfoGrpc.newBlockingStub(channel).info(io.thanosjava.storeapi.proto.info.InfoRequest.getDefaultInstance());
        assertThat(info.getComponentType()).isEqualTo("store");
        assertThat(info.getLabelSetsList()).hasSize(1);
        assertThat(LabelsConverter.fromLabelSet(info.getLabelSets(0))).isEqualTo(EXTERNAL_LABELS);
        assertThat(info.hasStore()).isTrue();
        assertThat(info.getStore().getMinTime()).isEqualTo(0);
        assertThat(info.getStore().getMaxTime()).isEqualTo(DATA_MAX_TIME);
        assertThat(info.getStore().getSupportsSharding()).isTrue();
        assertThat(info.getStore().getSupportsWithoutReplicaLabels()).isTrue();
        assertThat(info.hasRules()).isFalse();
        assertThat(info.hasQuery()).isFalse();
    }

    @Test
    void legacyStoreInfoForOldQueriers() {
        io.thanosjava.storeapi.proto.store.InfoResponse info = store.info(io.thanosjava.storeapi.proto.store.InfoRequest.getDefaultInstance());
        assertThat(info.getStoreType()).isEqualTo(io.thanosjava.storeapi.proto.store.StoreType.STORE);
        assertThat(LabelsConverter.fromThanos(info.getLabelsList())).isEqualTo(EXTERNAL_LABELS);
        assertThat(info.getLabelSetsList()).hasSize(1);
        assertThat(info.getMinTime()).isEqualTo(0);
        assertThat(info.getMaxTime()).isEqualTo(DATA_MAX_TIME);
    }

    // ---- fixture helpers ------------------------------------------------------------------------

    private static FixtureSeries series(Labels labels, int count, long start, long step) {
        long[] ts = new long[count];
        double[] vs = new double[count];
        for (int i = 0; i < count; i++) {
            ts[i] = start + i * step;
            vs[i] = (i % 7) * 0.1 + labels.hashCode() % 5;
        }
        return new FixtureSeries(labels, ts, vs);
    }

    private static FixtureSeries fixtureFor(Labels sent) {
        Labels local = sent.without(EXTERNAL_LABELS.name(0), EXTERNAL_LABELS.name(1));
        for (FixtureSeries f : FIXTURE) {
            if (f.labels().without("replica").equals(local)) {
                return f;
            }
        }
        throw new AssertionError("no fixture series for " + sent);
    }

    /** Thanos' shard rule, restated: XXH64 over name 0xFF value 0xFF of the selected labels. */
    private static long expectedShard(Labels l, int total, boolean by, Set<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < l.size(); i++) {
            if (names.contains(l.name(i)) == by) {
                sb.append(l.name(i)).append('\uffff').append(l.value(i)).append('\uffff');
            }
        }
        byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
        // U+FFFF encodes as EF BF BF; the separator on the wire is the single byte 0xFF.
        byte[] bytes = new String(utf8, StandardCharsets.ISO_8859_1).replace("\u00ef\u00bf\u00bf", "\u00ff")
                .getBytes(StandardCharsets.ISO_8859_1);
        return Long.remainderUnsigned(Xxh64.hash(bytes, 0, bytes.length), total);
    }

    // ---- request helpers ------------------------------------------------------------------------

    protected static LabelMatcher eq(String name, String value) {
        return matcher(LabelMatcher.Type.EQ, name, value);
    }

    protected static LabelMatcher neq(String name, String value) {
        return matcher(LabelMatcher.Type.NEQ, name, value);
    }

    protected static LabelMatcher re(String name, String value) {
        return matcher(LabelMatcher.Type.RE, name, value);
    }

    protected static LabelMatcher nre(String name, String value) {
        return matcher(LabelMatcher.Type.NRE, name, value);
    }

    private static LabelMatcher matcher(LabelMatcher.Type type, String name, String value) {
        return LabelMatcher.newBuilder().setType(type).setName(name).setValue(value).build();
    }

    private static SeriesRequest.Builder request(LabelMatcher... matchers) {
        return SeriesRequest.newBuilder().setMinTime(Long.MIN_VALUE).setMaxTime(Long.MAX_VALUE).addAllMatchers(List.of(matchers));
    }

    private List<String> select(LabelMatcher... matchers) {
        return names(series(request(matchers).build()));
    }

    private List<String> select(List<String> withoutReplicaLabels, LabelMatcher... matchers) {
        return names(series(request(matchers).addAllWithoutReplicaLabels(withoutReplicaLabels).build()));
    }

    private List<String> select(ShardInfo shard, LabelMatcher... matchers) {
        return names(series(request(matchers).setShardInfo(shard).build()));
    }

    private List<String> chunkRanges(SeriesRequest r) {
        List<Series> s = series(r);
        assertThat(s).hasSize(1);
        return s.get(0).getChunksList().stream().map(c -> c.getMinTime() + "-" + c.getMaxTime()).collect(Collectors.toList());
    }

    private static SeriesRequest upA(long mint, long maxt) {
        return request(eq("__name__", "up"), eq("instance", "a")).setMinTime(mint).setMaxTime(maxt).build();
    }

    private List<SeriesResponse> frames(SeriesRequest r) {
        List<SeriesResponse> out = new ArrayList<>();
        for (Iterator<SeriesResponse> it = store.series(r); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private List<Series> series(SeriesRequest r) {
        return flatten(frames(r));
    }

    private static List<Series> flatten(List<SeriesResponse> frames) {
        List<Series> out = new ArrayList<>();
        for (SeriesResponse f : frames) {
            if (f.hasSeries()) {
                out.add(f.getSeries());
            } else if (f.hasBatch()) {
                out.addAll(f.getBatch().getSeriesList());
            }
        }
        return out;
    }

    private static List<String> names(List<Series> series) {
        return series.stream().map(s -> LabelsConverter.fromThanos(s.getLabelsList()).toString()).collect(Collectors.toList());
    }

    private static void assertSorted(List<Series> series) {
        for (int i = 1; i < series.size(); i++) {
            Labels prev = LabelsConverter.fromThanos(series.get(i - 1).getLabelsList());
            Labels cur = LabelsConverter.fromThanos(series.get(i).getLabelsList());
            assertThat(prev.compareTo(cur)).as("%s before %s", prev, cur).isLessThanOrEqualTo(0);
        }
    }

    private static LabelNamesRequest.Builder namesRequest() {
        return LabelNamesRequest.newBuilder().setStart(Long.MIN_VALUE).setEnd(Long.MAX_VALUE);
    }

    private static LabelValuesRequest.Builder valuesRequest(String name) {
        return LabelValuesRequest.newBuilder().setLabel(name).setStart(Long.MIN_VALUE).setEnd(Long.MAX_VALUE);
    }

    private List<String> labelNames(LabelNamesRequest.Builder r) {
        return store.labelNames(r.build()).getNamesList().stream().map(b -> b.toStringUtf8()).collect(Collectors.toList());
    }

    private List<String> labelValues(LabelValuesRequest.Builder r) {
        return store.labelValues(r.build()).getValuesList().stream().map(b -> b.toStringUtf8()).collect(Collectors.toList());
    }

    private static void assertStatus(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
