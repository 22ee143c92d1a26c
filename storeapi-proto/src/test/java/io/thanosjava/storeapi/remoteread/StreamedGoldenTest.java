package io.thanosjava.storeapi.remoteread;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorChunkIterator;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.prompb.ChunkedSeries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every streamed remote-read body recorded from Prometheus parses into exactly the described frames and series. */
class StreamedGoldenTest {

    static List<String> streamedFiles() {
        return Golden.streamedFiles();
    }

    @ParameterizedTest
    @MethodSource("streamedFiles")
    void framesMatchTheFixture(String file) throws IOException {
        JsonNode expected = Golden.fixture(file).get("expected");
        List<ChunkedFrame> frames = readAll(Golden.bytes(file));

        JsonNode expectedFrames = expected.get("frames");
        assertThat(frames).hasSize(expected.get("total_frames").asInt()).hasSize(expectedFrames.size());
        int seriesIndex = -1;
        Labels previous = null;
        long previousQuery = -1;
        for (int i = 0; i < frames.size(); i++) {
            ChunkedFrame frame = frames.get(i);
            JsonNode want = expectedFrames.get(i);
            assertThat(frame.index()).isEqualTo(i);
            assertThat(frame.offset()).as("frame %d offset", i).isEqualTo(want.get("offset").asLong());
            assertThat(frame.messageLength()).as("frame %d length", i).isEqualTo(want.get("message_length").asInt());
            assertThat(String.format("%08x", frame.crc32c())).isEqualTo(want.get("crc32c").asText());
            assertThat(frame.message().getQueryIndex()).isEqualTo(want.get("query_index").asLong());
            assertThat(frame.message().getChunkedSeriesCount()).as("Prometheus writes one series per frame").isEqualTo(1);
            ChunkedSeries series = frame.message().getChunkedSeries(0);
            assertThat(series.getChunksCount()).isEqualTo(want.get("chunks").asInt());

            Labels labels = LabelsConverter.fromProm(series.getLabelsList());
            if (!labels.equals(previous) || frame.message().getQueryIndex() != previousQuery) {
                seriesIndex++;
            }
            assertThat(seriesIndex).as("frame %d series", i).isEqualTo(want.get("series_index").asInt());
            previous = labels;
            previousQuery = frame.message().getQueryIndex();
        }
    }

    @ParameterizedTest
    @MethodSource("streamedFiles")
    void seriesChunksAndSamplesMatchTheFixture(String file) throws IOException {
        JsonNode expected = Golden.fixture(file).get("expected");
        List<SeriesRead> series = groupSeries(readAll(Golden.bytes(file)));
        Set<ByteBuffer> storedChunks = storedChunkBytes();

        JsonNode expectedSeries = expected.get("series");
        assertThat(series).hasSize(expected.get("total_series").asInt()).hasSize(expectedSeries.size());
        long totalChunks = 0;
        long totalSamples = 0;
        for (int i = 0; i < series.size(); i++) {
            SeriesRead s = series.get(i);
            JsonNode want = expectedSeries.get(i);
            assertThat(s.queryIndex).isEqualTo(want.get("query_index").asLong());
            assertThat(s.labels).isEqualTo(labels(want.get("labels")));
            assertThat(s.frames).as("%s frames", s.labels).isEqualTo(want.get("frames").asInt());
            assertThat(s.chunks).as("%s chunks", s.labels).hasSize(want.get("chunks").asInt());
            assertThat(s.chunks.get(0).minTime()).isEqualTo(want.get("min_time_ms").asLong());
            assertThat(s.chunks.get(s.chunks.size() - 1).maxTime()).isEqualTo(want.get("max_time_ms").asLong());

            int samples = 0;
            int reencoded = 0;
            for (Chunk c : s.chunks) {
                samples += countCheckingBounds(c);
                if (!storedChunks.contains(ByteBuffer.wrap(c.data()))) {
                    reencoded++;
                }
            }
            assertThat(samples).as("%s samples", s.labels).isEqualTo(want.get("samples").asInt());
            assertThat(reencoded).as("%s re-encoded chunks", s.labels)
                    .isEqualTo(want.get("chunks_reencoded_by_server").asInt());
            totalChunks += s.chunks.size();
            totalSamples += samples;
        }
        assertThat(totalChunks).isEqualTo(expected.get("total_chunks").asLong());
        assertThat(totalSamples).isEqualTo(expected.get("total_samples").asLong());
    }

    /** The full-range body carries exactly the stored chunks, in xor-chunks.jsonl order. */
    @org.junit.jupiter.api.Test
    void allSeriesChunksAreTheStoredChunks() throws IOException {
        List<ChunkedFrame> frames = readAll(Golden.bytes("remote-read-all-series.bin"));
        List<JsonNode> lines = GoldenChunkLines.read();
        Iterator<JsonNode> line = lines.iterator();
        int chunks = 0;
        for (ChunkedFrame frame : frames) {
            ChunkedSeries series = frame.message().getChunkedSeries(0);
            Labels labels = LabelsConverter.fromProm(series.getLabelsList());
            for (var wire : series.getChunksList()) {
                JsonNode want = line.next();
                Chunk chunk = ChunkConverter.fromProm(wire);
                assertThat(labels).isEqualTo(labels(want.get("labels")));
                assertThat(chunk.encoding()).isEqualTo(Chunk.XOR);
                assertThat(wire.getTypeValue()).isEqualTo(want.get("encoding").asInt());
                assertThat(chunk.minTime()).isEqualTo(want.get("min_time_ms").asLong());
                assertThat(chunk.maxTime()).isEqualTo(want.get("max_time_ms").asLong());
                assertThat(chunk.data()).isEqualTo(Base64.getDecoder().decode(want.get("chunk_base64").asText()));
                chunks++;
            }
        }
        assertThat(line.hasNext()).isFalse();
        assertThat(chunks).isEqualTo(lines.size());
    }

    /** Decoded samples of the full-range body equal Prometheus' HTTP API answer and the stored value bits. */
    @org.junit.jupiter.api.Test
    void allSeriesSamplesEqualTheApiAnswer() throws IOException {
        List<SeriesRead> series = groupSeries(readAll(Golden.bytes("remote-read-all-series.bin")));
        JsonNode api = Golden.json("expected-raw-samples.json").get("series");
        List<JsonNode> lines = GoldenChunkLines.read();
        int line = 0;
        assertThat(series).hasSize(api.size());
        XorChunkIterator it = new XorChunkIterator();
        long checked = 0;
        for (int i = 0; i < series.size(); i++) {
            SeriesRead s = series.get(i);
            JsonNode want = api.get(i);
            assertThat(s.labels).isEqualTo(labels(want.get("labels")));
            JsonNode samples = want.get("samples");
            int k = 0;
            for (Chunk c : s.chunks) {
                JsonNode bits = lines.get(line++).get("samples");
                int j = 0;
                it.reset(c);
                while (it.next()) {
                    JsonNode sample = samples.get(k++);
                    long rawBits = Double.doubleToRawLongBits(it.atV());
                    assertThat(it.atT()).isEqualTo(sample.get(0).asLong());
                    assertThat(rawBits).as("%s at %d", s.labels, it.atT()).isEqualTo(apiValueBits(sample.get(1).asText()));
                    assertThat(String.format("%016x", rawBits)).isEqualTo(bits.get(j++).get(2).asText());
                    checked++;
                }
                assertThat(j).isEqualTo(bits.size());
            }
            assertThat(k).as("%s sample count", s.labels).isEqualTo(samples.size());
        }
        assertThat(checked).isEqualTo(22_809);
    }

    /**
     * Each streamed series decodes to exactly the stored samples of that series inside its query's
     * inclusive range: chunks cut by the range were re-encoded by the server, the others are whole.
     */
    @ParameterizedTest
    @MethodSource("streamedFiles")
    void decodedSamplesAreTheStoredSamplesInsideTheQueryRange(String file) throws IOException {
        JsonNode queries = Golden.fixture(file).get("request").get("queries");
        Map<Labels, List<JsonNode>> stored = new java.util.HashMap<>();
        for (JsonNode line : GoldenChunkLines.read()) {
            List<JsonNode> samples = stored.computeIfAbsent(labels(line.get("labels")), k -> new ArrayList<>());
            line.get("samples").forEach(samples::add);
        }
        XorChunkIterator it = new XorChunkIterator();
        for (SeriesRead s : groupSeries(readAll(Golden.bytes(file)))) {
            JsonNode query = queries.get((int) s.queryIndex);
            long start = query.get("start_timestamp_ms").asLong();
            long end = query.get("end_timestamp_ms").asLong();
            List<String> want = new ArrayList<>();
            for (JsonNode sample : stored.get(s.labels)) {
                long t = sample.get(0).asLong();
                if (t >= start && t <= end) {
                    want.add(t + "/" + sample.get(2).asText());
                }
            }
            List<String> got = new ArrayList<>();
            for (Chunk c : s.chunks) {
                it.reset(c);
                while (it.next()) {
                    got.add(it.atT() + "/" + String.format("%016x", Double.doubleToRawLongBits(it.atV())));
                }
            }
            assertThat(got).as("%s in query %d", s.labels, s.queryIndex).isNotEmpty().isEqualTo(want);
        }
    }

    @org.junit.jupiter.api.Test
    void emptyBodyHasNoFrames() throws IOException {
        assertThat(Golden.bytes("remote-read-empty.bin")).isEmpty();
        assertThat(readAll(new byte[0])).isEmpty();
    }

    /** Prometheus prints NaN without its payload; Go's NaN from text is 0x7ff8000000000001. */
    private static long apiValueBits(String value) {
        switch (value) {
            case "NaN": return 0x7ff8000000000001L;
            case "+Inf": return Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
            case "-Inf": return Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
            default: return Double.doubleToRawLongBits(Double.parseDouble(value));
        }
    }

    private static int countCheckingBounds(Chunk c) {
        XorChunkIterator it = new XorChunkIterator().reset(c);
        int n = 0;
        long first = 0;
        long last = 0;
        while (it.next()) {
            if (n == 0) {
                first = it.atT();
            }
            last = it.atT();
            n++;
        }
        assertThat(n).isPositive();
        assertThat(first).isEqualTo(c.minTime());
        assertThat(last).isEqualTo(c.maxTime());
        return n;
    }

    static List<ChunkedFrame> readAll(byte[] body) throws IOException {
        ChunkedFrameReader reader = new ChunkedFrameReader(new ByteArrayInputStream(body));
        List<ChunkedFrame> frames = new ArrayList<>();
        for (ChunkedFrame f = reader.next(); f != null; f = reader.next()) {
            frames.add(f);
        }
        assertThat(reader.position()).isEqualTo(body.length);
        return frames;
    }

    static Labels labels(JsonNode object) {
        Labels.Builder b = Labels.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.set(e.getKey(), e.getValue().asText());
        }
        return b.build();
    }

    private static Set<ByteBuffer> storedChunkBytes() {
        Set<ByteBuffer> out = new HashSet<>();
        for (JsonNode line : GoldenChunkLines.read()) {
            out.add(ByteBuffer.wrap(Base64.getDecoder().decode(line.get("chunk_base64").asText())));
        }
        return out;
    }

    /** Consecutive frames of one query with equal labels are one series. */
    private static List<SeriesRead> groupSeries(List<ChunkedFrame> frames) {
        List<SeriesRead> out = new ArrayList<>();
        SeriesRead current = null;
        for (ChunkedFrame frame : frames) {
            for (ChunkedSeries wire : frame.message().getChunkedSeriesList()) {
                Labels labels = LabelsConverter.fromProm(wire.getLabelsList());
                long query = frame.message().getQueryIndex();
                if (current == null || !current.labels.equals(labels) || current.queryIndex != query) {
                    current = new SeriesRead(labels, query);
                    out.add(current);
                }
                current.frames++;
                for (var c : wire.getChunksList()) {
                    current.chunks.add(ChunkConverter.fromProm(c));
                }
            }
        }
        return out;
    }

    private static final class SeriesRead {
        final Labels labels;
        final long queryIndex;
        final List<Chunk> chunks = new ArrayList<>();
        int frames;

        SeriesRead(Labels labels, long queryIndex) {
            this.labels = labels;
            this.queryIndex = queryIndex;
        }
    }
}
