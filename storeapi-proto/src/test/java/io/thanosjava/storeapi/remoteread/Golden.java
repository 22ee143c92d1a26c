package io.thanosjava.storeapi.remoteread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Access to the shared golden files recorded from a real Prometheus server. */
final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {}

    static Path dir() {
        String shared = System.getProperty("thanosjava.shared.dir");
        Path base = shared == null || shared.isEmpty() ? Path.of("..", "shared") : Path.of(shared);
        return base.resolve("golden");
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        try {
            return JSON.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> fixtures() {
        List<JsonNode> out = new ArrayList<>();
        json("remote-read-fixtures.json").get("fixtures").forEach(out::add);
        return out;
    }

    static JsonNode fixture(String file) {
        for (JsonNode f : fixtures()) {
            if (f.get("file").asText().equals(file)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no fixture " + file);
    }

    static List<String> streamedFiles() {
        List<String> out = new ArrayList<>();
        for (JsonNode f : fixtures()) {
            if (f.get("response_type").asText().equals("STREAMED_XOR_CHUNKS")) {
                out.add(f.get("file").asText());
            }
        }
        return out;
    }
}
