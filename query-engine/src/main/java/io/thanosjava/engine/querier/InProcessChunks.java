package io.thanosjava.engine.querier;

import static java.util.Objects.requireNonNull;

import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.dedup.CursorChunkSeriesSet;
import io.thanosjava.dedup.ReplicaLabels;
import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorAppender;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-process store's series as the chunk stream a StoreAPI endpoint would send: samples XOR-encoded into
 * chunks of at most {@value #SAMPLES_PER_CHUNK} (Prometheus' size), none when only labels are asked for. This
 * lets the endpoints' proxy merge and replica deduplication treat in-process data like any other store.
 */
final class InProcessChunks extends CursorChunkSeriesSet {
    static final int SAMPLES_PER_CHUNK = 120;

    private final SeriesSet series;
    private final boolean skipChunks;
    private final XorAppender appender = new XorAppender();

    private InProcessChunks(SeriesSet series, boolean skipChunks) {
        this.series = requireNonNull(series, "series is null");
        this.skipChunks = skipChunks;
    }

    /**
     * @param withoutReplicaLabels replica labels to remove, as a store honouring {@code without_replica_labels}
     *     does (the series are then re-sorted, which reads them all at once)
     */
    static ChunkSeriesSet of(SeriesSet series, boolean skipChunks, List<String> withoutReplicaLabels) {
        ChunkSeriesSet chunks = new InProcessChunks(series, skipChunks);
        return withoutReplicaLabels.isEmpty() ? chunks : ReplicaLabels.stripAndSort(chunks, withoutReplicaLabels);
    }

    @Override
    public boolean next() {
        if (!series.next()) {
            clearCurrent();
            return false;
        }
        moveTo(series.at().labels(), skipChunks ? List.of() : encode(series.at().iterator()));
        return true;
    }

    private List<Chunk> encode(SampleIterator it) {
        List<Chunk> out = new ArrayList<>();
        appender.reset();
        while (it.next()) {
            appender.append(it.atT(), it.atV());
            if (appender.numSamples() == SAMPLES_PER_CHUNK) {
                out.add(appender.toChunk());
                appender.reset();
            }
        }
        if (appender.numSamples() > 0) {
            out.add(appender.toChunk());
        }
        return out;
    }

    @Override
    public List<String> warnings() {
        return series.warnings();
    }

    @Override
    public void close() {
        series.close();
    }
}
