package io.thanosjava.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.stores.SeriesSelection;
import io.thanosjava.stores.StoreBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * A store backend that replays chunks captured from a real Thanos store (SeriesResponse frames in
 * the protobuf JSON mapping), byte for byte, so the whole query path can be run over them.
 */
final class CapturedStore implements StoreBackend {
    private record CapturedSeries(Labels labels, List<Chunk> chunks) {
    }

    private final List<CapturedSeries> series;

    private CapturedStore(List<CapturedSeries> series) {
        this.series = series;
    }

    static CapturedStore load(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        TreeMap<Labels, List<Chunk>> bySeries = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode s = line.isBlank() ? null : json.readTree(line).path("series");
            if (s == null || s.isMissingNode()) {
                continue;
            }
            Labels.Builder labels = Labels.builder();
            for (JsonNode l : s.path("labels")) {
                labels.set(l.path("name").asText(), l.path("value").asText());
            }
            List<Chunk> chunks = bySeries.computeIfAbsent(labels.build(), k -> new ArrayList<>());
            for (JsonNode c : s.path("chunks")) {
                chunks.add(new Chunk(Long.parseLong(c.path("minTime").asText()), Long.parseLong(c.path("maxTime").asText()),
                        Chunk.XOR, Base64.getDecoder().decode(c.path("raw").path("data").asText())));
            }
        }
        List<CapturedSeries> out = new ArrayList<>();
        bySeries.forEach((l, c) -> {
            c.sort((a, b) -> Long.compare(a.minTime(), b.minTime()));
            out.add(new CapturedSeries(l, c));
        });
        return new CapturedStore(out);
    }

    @Override
    public long minTime() {
        return series.stream().mapToLong(s -> s.chunks.get(0).minTime()).min().orElse(Long.MAX_VALUE);
    }

    @Override
    public long maxTime() {
        return series.stream().mapToLong(s -> s.chunks.get(s.chunks.size() - 1).maxTime()).max().orElse(Long.MIN_VALUE);
    }

    @Override
    public SeriesSelection select(List<LabelMatcher> matchers, long mint, long maxt) {
        List<CapturedSeries> selected = new ArrayList<>();
        for (CapturedSeries s : series) {
            if (matchers.stream().allMatch(m -> m.matches(s.labels)) && s.chunks.stream()
                    .anyMatch(c -> c.maxTime() >= mint && c.minTime() <= maxt)) {
                List<Chunk> overlapping = s.chunks.stream().filter(c -> c.maxTime() >= mint && c.minTime() <= maxt).toList();
                selected.add(new CapturedSeries(s.labels, overlapping));
            }
        }
        return new SeriesSelection() {
            @Override
            public int size() {
                return selected.size();
            }

            @Override
            public Labels labels(int i) {
                return selected.get(i).labels;
            }

            @Override
            public int chunkCount(int i) {
                return selected.get(i).chunks.size();
            }

            @Override
            public Chunk chunk(int i, int j) {
                return selected.get(i).chunks.get(j);
            }
        };
    }

    @Override
    public List<String> labelNames(List<LabelMatcher> matchers, long mint, long maxt) {
        List<String> names = new ArrayList<>();
        for (CapturedSeries s : series) {
            for (int i = 0; i < s.labels.size(); i++) {
                names.add(s.labels.name(i));
            }
        }
        return names;
    }

    @Override
    public List<String> labelValues(String name, List<LabelMatcher> matchers, long mint, long maxt) {
        return series.stream().map(s -> s.labels.get(name)).filter(v -> v != null).toList();
    }
}
