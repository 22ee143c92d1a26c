package io.thanosjava.model.chunk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thanosjava.model.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The chunks Prometheus wrote for the shared golden data set, with the samples it reported. */
final class GoldenChunks {
    record Golden(String labels, long minTime, long maxTime, byte[] data, long[] timestamps, long[] valueBits) {
        @Override
        public String toString() {
            return labels + " [" + minTime + ", " + maxTime + "]";
        }
    }

    private static List<Golden> cached;

    private GoldenChunks() {
    }

    static synchronized List<Golden> all() {
        if (cached == null) {
            cached = load(SharedData.path("golden", "xor-chunks.jsonl"));
        }
        return cached;
    }

    private static List<Golden> load(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        List<Golden> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                if (node.get("encoding").asInt() != 1) {
                    throw new IllegalStateException("golden chunk is not XOR: " + line);
                }
                JsonNode samples = node.get("samples");
                long[] ts = new long[samples.size()];
                long[] bits = new long[samples.size()];
                for (int i = 0; i < samples.size(); i++) {
                    ts[i] = samples.get(i).get(0).asLong();
                    bits[i] = Long.parseUnsignedLong(samples.get(i).get(2).asText(), 16);
                }
                out.add(new Golden(node.get("labels").toString(), node.get("min_time_ms").asLong(),
                        node.get("max_time_ms").asLong(), Base64.getDecoder().decode(node.get("chunk_base64").asText()),
                        ts, bits));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden chunks from " + file, e);
        }
        return out;
    }
}
