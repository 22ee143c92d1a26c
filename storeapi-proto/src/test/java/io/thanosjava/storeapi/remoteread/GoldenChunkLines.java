package io.thanosjava.storeapi.remoteread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The lines of xor-chunks.jsonl, parsed once per test run. */
final class GoldenChunkLines {
    private static List<JsonNode> lines;

    private GoldenChunkLines() {}

    static synchronized List<JsonNode> read() {
        if (lines == null) {
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> out = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(Golden.dir().resolve("xor-chunks.jsonl"))) {
                    if (!line.isBlank()) {
                        out.add(json.readTree(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines = List.copyOf(out);
        }
        return lines;
    }
}
