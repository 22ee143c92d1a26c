package io.thanosjava.stores.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorChunks;
import io.thanosjava.stores.SeriesSelection;
import io.thanosjava.stores.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The golden OpenMetrics file, loaded and decoded back from our chunks, equals what Prometheus
 * answered for the same file: same series in the same order, same timestamps, same value strings,
 * and the same IEEE-754 bits as Prometheus' own chunks (NaN payloads and -0 included).
 */
class GoldenLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InMemoryStore store;

    @BeforeAll
    static void load() throws IOException {
        store = ExpositionLoader.load(List.of(SharedData.golden("input.om")));
    }

    @Test
    void detectsOpenMetricsByItsEofLine() throws IOException {
        assertThat(ExpositionFormat.detect(SharedData.golden("input.om"))).isEqualTo(ExpositionFormat.OPENMETRICS);
    }

    @Test
    void seriesAndSamplesEqualPrometheusQueryAnswers() throws IOException {
        JsonNode expected = JSON.readTree(SharedData.golden("expected-raw-samples.json").toFile()).get("series");
        SeriesSelection all = store.select(List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(expected.size()).isEqualTo(56);
        long samples = 0;
        for (int i = 0; i < all.size(); i++) {
            JsonNode series = expected.get(i);
            assertThat(all.labels(i)).isEqualTo(labels(series.get("labels")));
            SampleBuffer decoded = decode(all, i);
            JsonNode want = series.get("samples");
            assertThat(decoded.size()).as("samples of %s", all.labels(i)).isEqualTo(want.size());
            for (int j = 0; j < want.size(); j++) {
                assertThat(decoded.timestamp(j)).isEqualTo(want.get(j).get(0).asLong());
                assertThat(GoFloatFormat.formatApiValue(decoded.value(j))).isEqualTo(want.get(j).get(1).asText());
            }
            samples += decoded.size();
        }
        assertThat(samples).isEqualTo(22_809).isEqualTo(store.sampleCount());
    }

    @Test
    void valueBitsEqualPrometheusChunks() throws IOException {
        Map<Labels, List<Long>> bitsBySeries = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(SharedData.golden("xor-chunks.jsonl"))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode chunk = JSON.readTree(line);
                List<Long> bits = bitsBySeries.computeIfAbsent(labels(chunk.get("labels")), k -> new ArrayList<>());
                for (JsonNode s : chunk.get("samples")) {
                    bits.add(Long.parseUnsignedLong(s.get(2).asText(), 16));
                }
            }
        }
        SeriesSelection all = store.select(List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(bitsBySeries.size());
        int i = 0;
        for (Map.Entry<Labels, List<Long>> e : bitsBySeries.entrySet()) {
            assertThat(all.labels(i)).isEqualTo(e.getKey());
            SampleBuffer decoded = decode(all, i);
            List<Long> want = e.getValue();
            assertThat(decoded.size()).isEqualTo(want.size());
            for (int j = 0; j < want.size(); j++) {
                assertThat(Double.doubleToRawLongBits(decoded.value(j)))
                        .as("sample %d of %s", j, e.getKey()).isEqualTo(want.get(j));
            }
            i++;
        }
    }

    @Test
    void chunksHoldAtMost120SamplesAndReportTheirBounds() {
        SeriesSelection all = store.select(List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < all.chunkCount(i); j++) {
                var chunk = all.chunk(i, j);
                SampleBuffer b = new SampleBuffer();
                XorChunks.decodeInto(chunk.data(), b);
                assertThat(b.size()).isBetween(1, InMemoryStoreBuilder.MAX_SAMPLES_PER_CHUNK);
                assertThat(chunk.minTime()).isEqualTo(b.timestamp(0));
                assertThat(chunk.maxTime()).isEqualTo(b.timestamp(b.size() - 1));
                boolean full = j < all.chunkCount(i) - 1;
                if (full) {
                    assertThat(b.size()).isEqualTo(InMemoryStoreBuilder.MAX_SAMPLES_PER_CHUNK);
                }
            }
        }
    }

    @Test
    void reportsTheDataRange() {
        assertThat(store.minTime()).isEqualTo(1_794_960_000_000L);
        assertThat(store.maxTime()).isLessThan(1_795_219_200_000L).isGreaterThan(1_795_200_000_000L);
    }

    private static SampleBuffer decode(SeriesSelection s, int i) {
        SampleBuffer out = new SampleBuffer();
        for (int j = 0; j < s.chunkCount(i); j++) {
            XorChunks.decodeInto(s.chunk(i, j).data(), out);
        }
        return out;
    }

    private static Labels labels(JsonNode object) {
        Labels.Builder b = Labels.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.set(e.getKey(), e.getValue().asText());
        }
        return b.build();
    }
}
