package io.thanosjava.dedup;

import io.thanosjava.model.Labels;
import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds chunks and series from samples, and reads series sets back. */
final class TestData {
    private TestData() {
    }

    static Chunk chunk(List<Sample> samples) {
        XorAppender appender = new XorAppender();
        for (Sample s : samples) {
            appender.append(s.t(), s.v());
        }
        return appender.toChunk();
    }

    /** Cuts the samples into XOR chunks of at most {@code perChunk} samples. */
    static List<Chunk> chunks(List<Sample> samples, int perChunk) {
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i += perChunk) {
            out.add(chunk(samples.subList(i, Math.min(samples.size(), i + perChunk))));
        }
        return out;
    }

    static ChunkSeries series(Labels labels, List<Sample> samples) {
        return new ChunkSeries(labels, chunks(samples, 120));
    }

    /** One store's stream: the series sorted as a store would send them. */
    static ChunkSeriesSet store(ChunkSeries... series) {
        List<ChunkSeries> sorted = new ArrayList<>(List.of(series));
        sorted.sort((x, y) -> x.labels().compareTo(y.labels()));
        return ChunkSeriesSet.of(sorted);
    }

    /** Every series of the set with its samples, in stream order. */
    static Map<Labels, List<Sample>> read(SeriesSet set) {
        Map<Labels, List<Sample>> out = new LinkedHashMap<>();
        try (set) {
            while (set.next()) {
                Series s = set.at();
                List<Sample> previous = out.put(s.labels(), Sample.drain(s.iterator()));
                if (previous != null) {
                    throw new AssertionError("label set returned twice: " + s.labels());
                }
            }
        }
        return out;
    }
}
