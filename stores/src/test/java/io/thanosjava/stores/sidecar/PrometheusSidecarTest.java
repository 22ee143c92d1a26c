package io.thanosjava.stores.sidecar;

import static io.thanosjava.model.LabelMatcher.Type.EQ;
import static io.thanosjava.model.LabelMatcher.Type.NEQ;
import static io.thanosjava.model.LabelMatcher.Type.RE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorChunkIterator;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelValuesRequest;
import io.thanosjava.stores.SharedData;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.sidecar.SidecarTestClient.ReceivedSeries;
import io.thanosjava.testing.prometheus.PrometheusFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The sidecar over loopback gRPC in front of a real Prometheus holding the golden data. */
@Tag("slow")
class PrometheusSidecarTest {
    private static final long START = 1_794_960_000_000L;
    private static final long END = 1_795_219_200_000L;
    private static final Labels EXTERNAL = Labels.of("cluster", "golden", "replica", "r1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PrometheusFixture prometheus;
    private static PrometheusSidecar sidecar;
    private static StoreServer server;
    private static SidecarTestClient client;
    private static PrometheusClient direct;

    @BeforeAll
    static void start() throws IOException {
        prometheus = PrometheusFixture.start(SharedData.golden("input.om"), Map.of("cluster", "golden", "replica", "r1"));
        sidecar = PrometheusSidecar.connect(SidecarOptions.defaults(prometheus.baseUrl()));
        server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), sidecar, sidecar.externalLabels(), "sidecar");
        client = new SidecarTestClient(server.port());
        direct = new PrometheusClient(prometheus.baseUrl(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (sidecar != null) {
            sidecar.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void readsExternalLabelsFromPrometheusConfiguration() {
        assertThat(sidecar.externalLabels()).isEqualTo(EXTERNAL);
        assertThat(sidecar.isReady()).isTrue();
    }

    @Test
    void seriesCarriesPrometheusChunksByteForByte() throws IOException {
        List<ReceivedSeries> viaSidecar = client.series(SidecarTestClient.request(START, END,
                LabelMatcher.of(RE, "__name__", ".+")).build());
        List<ReceivedSeries> viaRemoteRead = SidecarTestClient.remoteRead(direct, START, END,
                LabelMatcher.of(RE, "__name__", ".+"));
        assertThat(viaSidecar).hasSize(56);
        assertThat(keys(viaSidecar)).isEqualTo(keys(viaRemoteRead));

        // The same bytes Prometheus stored when the golden files were recorded.
        List<String> golden = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(SharedData.golden("xor-chunks.jsonl"))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode c = JSON.readTree(line);
                golden.add(c.get("min_time_ms").asLong() + "/" + c.get("max_time_ms").asLong() + "/0/"
                        + c.get("chunk_base64").asText());
            }
        }
        List<String> received = new ArrayList<>();
        for (ReceivedSeries s : viaSidecar) {
            for (Chunk c : s.chunks()) {
                received.add(key(c));
            }
        }
        assertThat(received).isEqualTo(golden);
    }

    @Test
    void seriesDecodeToPrometheusQueryAnswers() throws IOException {
        JsonNode expected = JSON.readTree(SharedData.golden("expected-raw-samples.json").toFile()).get("series");
        List<ReceivedSeries> all = client.series(SidecarTestClient.request(START, END,
                LabelMatcher.of(RE, "__name__", ".+")).build());
        assertThat(all).hasSize(expected.size());
        XorChunkIterator it = new XorChunkIterator();
        long samples = 0;
        for (int i = 0; i < all.size(); i++) {
            ReceivedSeries s = all.get(i);
            assertThat(s.labels()).isEqualTo(withExternal(labels(expected.get(i).get("labels"))));
            JsonNode want = expected.get(i).get("samples");
            int k = 0;
            for (Chunk c : s.chunks()) {
                it.reset(c);
                while (it.next()) {
                    assertThat(it.atT()).as("sample %d of %s", k, s.labels()).isEqualTo(want.get(k).get(0).asLong());
                    k++;
                }
            }
            assertThat(k).isEqualTo(want.size());
            samples += k;
        }
        assertThat(samples).isEqualTo(22_809);
    }

    @Test
    void matchersAndTimeRangeArePushedDown() throws IOException {
        long mint = START + 86_400_000L + 123;
        long maxt = mint + 3 * 3_600_000L;
        LabelMatcher[] matchers = {LabelMatcher.of(RE, "__name__", "golden_.*"), LabelMatcher.of(NEQ, "__name__", "golden_up")};
        List<ReceivedSeries> got = client.series(SidecarTestClient.request(mint, maxt, matchers).build());
        List<ReceivedSeries> want = SidecarTestClient.remoteRead(direct, mint, maxt, matchers);
        assertThat(keys(got)).isEqualTo(keys(want));
        assertThat(got).isNotEmpty().hasSizeLessThan(56);
        for (ReceivedSeries s : got) {
            assertThat(s.labels().get("__name__")).isNotEqualTo("golden_up");
            assertThat(s.chunks()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.maxTime()).isGreaterThanOrEqualTo(mint);
                assertThat(c.minTime()).isLessThanOrEqualTo(maxt);
            });
        }
        int allChunks = client.series(SidecarTestClient.request(START, END, matchers).build()).stream()
                .mapToInt(s -> s.chunks().size()).sum();
        assertThat(got.stream().mapToInt(s -> s.chunks().size()).sum()).isLessThan(allChunks);
    }

    @Test
    void skipChunksSendsLabelsOnly() {
        LabelMatcher m = LabelMatcher.of(RE, "__name__", ".+");
        List<ReceivedSeries> full = client.series(SidecarTestClient.request(START, END, m).build());
        List<ReceivedSeries> bare = client.series(SidecarTestClient.request(START, END, m).setSkipChunks(true).build());
        assertThat(bare).extracting(ReceivedSeries::labels).isEqualTo(full.stream().map(ReceivedSeries::labels).toList());
        assertThat(bare).allSatisfy(s -> assertThat(s.chunks()).isEmpty());
    }

    @Test
    void withoutReplicaLabelsRemovesThemAndExternalMatchersAreDecidedLocally() {
        LabelMatcher m = LabelMatcher.of(EQ, "__name__", "golden_up");
        List<ReceivedSeries> stripped = client.series(SidecarTestClient.request(START, END, m)
                .addWithoutReplicaLabels("replica").build());
        assertThat(stripped).isNotEmpty().allSatisfy(s -> {
            assertThat(s.labels().get("replica")).isNull();
            assertThat(s.labels().get("cluster")).isEqualTo("golden");
        });
        assertThat(client.series(SidecarTestClient.request(START, END, m, LabelMatcher.of(EQ, "cluster", "other")).build()))
                .isEmpty();
        assertThat(client.series(SidecarTestClient.request(START, END, m, LabelMatcher.of(EQ, "cluster", "golden")).build()))
                .hasSameSizeAs(stripped);
        assertThatThrownBy(() -> client.series(SidecarTestClient.request(START, END,
                LabelMatcher.of(EQ, "cluster", "golden")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void labelNamesAndValuesFollowMatchersAndTimeRange() throws IOException {
        JsonNode expected = JSON.readTree(SharedData.golden("expected-raw-samples.json").toFile()).get("series");
        TreeSet<String> allNames = new TreeSet<>(List.of("cluster", "replica"));
        TreeSet<String> upNames = new TreeSet<>(List.of("cluster", "replica"));
        TreeSet<String> metricNames = new TreeSet<>();
        for (JsonNode s : expected) {
            Labels l = labels(s.get("labels"));
            for (int i = 0; i < l.size(); i++) {
                allNames.add(l.name(i));
                if (l.get("__name__").equals("golden_up")) {
                    upNames.add(l.name(i));
                }
            }
            metricNames.add(l.get("__name__"));
        }
        assertThat(strings(client.store.labelNames(LabelNamesRequest.newBuilder().setStart(START).setEnd(END).build())
                .getNamesList())).containsExactlyElementsOf(allNames);
        assertThat(strings(client.store.labelNames(LabelNamesRequest.newBuilder().setStart(START).setEnd(END)
                .addMatchers(MatcherConverter.toThanos(LabelMatcher.of(EQ, "__name__", "golden_up"))).build())
                .getNamesList())).containsExactlyElementsOf(upNames).hasSizeLessThan(allNames.size());
        assertThat(strings(client.store.labelValues(LabelValuesRequest.newBuilder().setLabel("__name__").setStart(START)
                .setEnd(END).build()).getValuesList())).containsExactlyElementsOf(metricNames);
        assertThat(strings(client.store.labelValues(LabelValuesRequest.newBuilder().setLabel("__name__").setStart(START)
                .setEnd(END).addMatchers(MatcherConverter.toThanos(LabelMatcher.of(RE, "__name__", "golden_(up|burst)")))
                .build()).getValuesList())).containsExactly("golden_burst", "golden_up");
        // Long before the data: nothing.
        assertThat(client.store.labelValues(LabelValuesRequest.newBuilder().setLabel("__name__").setStart(0)
                .setEnd(1_000_000).build()).getValuesList()).isEmpty();
        assertThat(strings(client.store.labelValues(LabelValuesRequest.newBuilder().setLabel("cluster").setStart(START)
                .setEnd(END).addMatchers(MatcherConverter.toThanos(LabelMatcher.of(EQ, "__name__", "golden_up")))
                .build()).getValuesList())).containsExactly("golden");
    }

    @Test
    void infoReportsExternalLabelsAndPrometheusTimeRange() throws IOException {
        JsonNode expected = JSON.readTree(SharedData.golden("expected-raw-samples.json").toFile()).get("series");
        long first = Long.MAX_VALUE;
        for (JsonNode s : expected) {
            first = Math.min(first, s.get("samples").get(0).get(0).asLong());
        }
        InfoResponse info = client.info.info(InfoRequest.getDefaultInstance());
        assertThat(info.getComponentType()).isEqualTo("sidecar");
        assertThat(LabelsConverter.fromLabelSet(info.getLabelSets(0))).isEqualTo(EXTERNAL);
        assertThat(info.getStore().getMinTime()).isEqualTo(first);
        assertThat(info.getStore().getMaxTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(info.getStore().getSupportsWithoutReplicaLabels()).isTrue();
    }

    private static Labels withExternal(Labels l) {
        Labels.Builder b = Labels.builder();
        for (int i = 0; i < l.size(); i++) {
            b.set(l.name(i), l.value(i));
        }
        for (int i = 0; i < EXTERNAL.size(); i++) {
            b.set(EXTERNAL.name(i), EXTERNAL.value(i));
        }
        return b.build();
    }

    static Labels labels(JsonNode node) {
        Labels.Builder b = Labels.builder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            b.set(e.getKey(), e.getValue().asText());
        }
        return b.build();
    }

    private static List<String> strings(List<ByteString> bytes) {
        return bytes.stream().map(ByteString::toStringUtf8).toList();
    }

    static List<String> keys(List<ReceivedSeries> series) {
        List<String> out = new ArrayList<>();
        for (ReceivedSeries s : series) {
            out.add(s.labels().toString());
            for (Chunk c : s.chunks()) {
                out.add(key(c));
            }
        }
        return out;
    }

    static String key(Chunk c) {
        return c.minTime() + "/" + c.maxTime() + "/" + c.encoding() + "/" + Base64.getEncoder().encodeToString(c.data());
    }
}
