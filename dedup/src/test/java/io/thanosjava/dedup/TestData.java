package io.thanosjava.dedup;

import io.thanosjava.model.Labels;
import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds chunks and series from samples, and reads series sets back. */
final class TestData {
    private TestData() {
    }

    /** Bytes around every test chunk: chunks arrive as slices of a received frame, between other bytes. */
    private static final int PADDING = 5;
    /** Fills each chunk's surroundings differently, so equal chunks never sit in equal arrays. */
    private static final AtomicInteger FILLER = new AtomicInteger();

    /**
     * An XOR chunk of the samples, as a slice in the middle of a larger array whose other bytes are
     * garbage, so that a reader that ignores the chunk's offset or end reads garbage.
     */
    static Chunk chunk(List<Sample> samples) {
        XorAppender appender = new XorAppender();
        for (Sample s : samples) {
            appender.append(s.t(), s.v());
        }
        byte[] bytes = appender.bytes();
        byte[] frame = new byte[bytes.length + 2 * PADDING];
        Arrays.fill(frame, (byte) FILLER.incrementAndGet());
        System.arraycopy(bytes, 0, frame, PADDING, bytes.length);
        return new Chunk(appender.minTime(), appender.maxTime(), Chunk.XOR, frame, PADDING, bytes.length);
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
