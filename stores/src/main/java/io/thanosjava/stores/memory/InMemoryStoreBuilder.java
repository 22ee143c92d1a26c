package io.thanosjava.stores.memory;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates float samples per series into XOR chunks of at most {@value #MAX_SAMPLES_PER_CHUNK}
 * samples and builds an {@link InMemoryStore}. Samples are compressed as they arrive: each series
 * keeps one open {@link XorAppender}, and closed chunks are exact-size byte arrays until
 * {@link #build} packs them into the store's shared arrays.
 * Series that never received a sample are left out. Not thread-safe.
 */
public final class InMemoryStoreBuilder implements ExpositionParser.SampleSink {
    /** Prometheus' target chunk size. */
    public static final int MAX_SAMPLES_PER_CHUNK = 120;

    private final Map<Labels, Integer> ids = new HashMap<>();
    private final List<SeriesAccumulator> series = new ArrayList<>();
    /** Shares one String instance per distinct name or value across all series. */
    private final Map<String, String> strings = new HashMap<>();
    private long samples;

    /** Id of the series with these labels, creating it when new. */
    @Override
    public int series(Labels labels) {
        requireNonNull(labels, "labels is null");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one label");
        }
        Integer id = ids.get(labels);
        if (id != null) {
            return id;
        }
        Labels shared = intern(labels);
        int newId = series.size();
        series.add(new SeriesAccumulator(shared));
        ids.put(shared, newId);
        return newId;
    }

    /**
     * Appends a sample to series {@code id}. Timestamps must strictly increase within a series.
     *
     * @throws IllegalArgumentException for a timestamp not after the series' previous one
     */
    @Override
    public void append(int id, long timestamp, double value) {
        series.get(id).append(timestamp, value);
        samples++;
    }

    /** Convenience for tests and small data sets: {@code append(series(labels), t, v)}. */
    public InMemoryStoreBuilder add(Labels labels, long timestamp, double value) {
        append(series(labels), timestamp, value);
        return this;
    }

    public InMemoryStore build() {
        SeriesAccumulator[] sorted = series.stream().filter(s -> s.open.numSamples() > 0)
                .toArray(SeriesAccumulator[]::new);
        Arrays.sort(sorted, (a, b) -> a.labels.compareTo(b.labels));
        Labels[] labels = new Labels[sorted.length];
        Chunk[][] chunks = new Chunk[sorted.length][];
        for (int i = 0; i < sorted.length; i++) {
            labels[i] = sorted[i].labels;
            chunks[i] = sorted[i].finish();
        }
        return new InMemoryStore(SeriesLabels.of(labels), chunks, samples);
    }

    private Labels intern(Labels labels) {
        String[] pairs = new String[labels.size() * 2];
        for (int i = 0; i < labels.size(); i++) {
            pairs[2 * i] = strings.computeIfAbsent(labels.name(i), s -> s);
            pairs[2 * i + 1] = strings.computeIfAbsent(labels.value(i), s -> s);
        }
        return Labels.wrapSorted(pairs);
    }

    private static final class SeriesAccumulator {
        final Labels labels;
        final XorAppender open = new XorAppender();
        final List<Chunk> closed = new ArrayList<>(1);
        long last = Long.MIN_VALUE;

        SeriesAccumulator(Labels labels) {
            this.labels = labels;
        }

        void append(long t, double v) {
            if (open.numSamples() + closed.size() > 0 && t <= last) {
                throw new IllegalArgumentException((t == last ? "duplicate sample timestamp " : "out-of-order sample timestamp ")
                        + t + " for series " + labels + " (previous " + last + ")");
            }
            if (open.numSamples() == MAX_SAMPLES_PER_CHUNK) {
                closed.add(open.toChunk());
                open.reset();
            }
            open.append(t, v);
            last = t;
        }

        Chunk[] finish() {
            if (open.numSamples() > 0) {
                closed.add(open.toChunk());
                open.reset();
            }
            return closed.toArray(new Chunk[0]);
        }
    }
}
