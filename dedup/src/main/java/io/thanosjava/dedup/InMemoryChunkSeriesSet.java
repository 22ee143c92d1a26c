package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.util.List;

/** Iterates a list of series already in memory. */
final class InMemoryChunkSeriesSet implements ChunkSeriesSet {
    private final List<ChunkSeries> series;
    private final List<String> warnings;
    private int index = -1;

    InMemoryChunkSeriesSet(List<ChunkSeries> series, List<String> warnings) {
        this.series = requireNonNull(series, "series is null");
        this.warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    @Override
    public boolean next() {
        if (index + 1 < series.size()) {
            index++;
            return true;
        }
        index = series.size();
        return false;
    }

    @Override
    public Labels labels() {
        return current().labels();
    }

    @Override
    public List<Chunk> chunks() {
        return current().chunks();
    }

    private ChunkSeries current() {
        if (index < 0 || index >= series.size()) {
            throw new IllegalStateException("no current series: call next() first");
        }
        return series.get(index);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        index = series.size();
    }
}
