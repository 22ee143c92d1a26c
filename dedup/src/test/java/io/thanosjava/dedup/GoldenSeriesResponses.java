package io.thanosjava.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads Thanos' captured StoreAPI responses (one SeriesResponse per line in the protobuf JSON
 * mapping) and Prometheus API result bodies from the shared test data directory.
 */
final class GoldenSeriesResponses {
    static final ObjectMapper JSON = new ObjectMapper();

    private GoldenSeriesResponses() {
    }

    static Path dir() {
        String shared = System.getProperty("thanosjava.shared.dir");
        Path root = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
        return root.resolve("golden").resolve("thanos-dedup");
    }

    /** The series frames of a capture, in file order. */
    static List<ChunkSeries> load(String file) {
        List<ChunkSeries> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir().resolve(file))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode series = JSON.readTree(line).path("series");
                if (series.isMissingNode()) {
                    continue;
                }
                Labels.Builder labels = Labels.builder();
                for (JsonNode label : series.path("labels")) {
                    labels.set(label.path("name").asText(), label.path("value").asText());
                }
                List<Chunk> chunks = new ArrayList<>();
                for (JsonNode chunk : series.path("chunks")) {
                    JsonNode raw = chunk.path("raw");
                    chunks.add(new Chunk(Long.parseLong(chunk.path("minTime").asText()),
                            Long.parseLong(chunk.path("maxTime").asText()),
                            raw.path("type").asInt(Chunk.XOR),
                            Base64.getDecoder().decode(raw.path("data").asText())));
                }
                out.add(new ChunkSeries(labels.build(), chunks));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static JsonNode readJson(String file) {
        try {
            return JSON.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
