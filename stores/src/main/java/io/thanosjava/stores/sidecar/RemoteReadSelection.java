package io.thanosjava.stores.sidecar;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.prompb.ChunkedSeries;
import io.thanosjava.storeapi.remoteread.ChunkedFrame;
import io.thanosjava.storeapi.remoteread.ChunkedFrameReader;
import io.thanosjava.stores.SeriesSelection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The series of one streamed remote-read answer, with Prometheus' chunk bytes as they arrived
 * (renumbered encoding only; never decoded). Consecutive frames with equal label sets (Prometheus
 * splits long series) become one series. Prometheus appends its external labels to every series;
 * those names are removed here, since the StoreAPI service adds the external labels itself.
 */
final class RemoteReadSelection implements SeriesSelection {
    private final Labels[] labels;
    /** Chunks of series {@code i} are {@code chunks[chunkStart[i] .. chunkStart[i + 1])}. */
    private final int[] chunkStart;
    private final Chunk[] chunks;

    private RemoteReadSelection(Labels[] labels, int[] chunkStart, Chunk[] chunks) {
        this.labels = labels;
        this.chunkStart = chunkStart;
        this.chunks = chunks;
    }

    /**
     * Reads every frame of {@code reader}.
     *
     * @throws IOException for a damaged body or a frame of another query than 0
     * @throws io.thanosjava.storeapi.InvalidWireDataException for a chunk encoding the StoreAPI cannot carry
     */
    static RemoteReadSelection read(ChunkedFrameReader reader, Set<String> externalNames) throws IOException {
        List<Labels> labels = new ArrayList<>();
        List<Chunk> chunks = new ArrayList<>();
        int[] starts = new int[16];
        Labels previous = null;
        ChunkedFrame frame;
        while ((frame = reader.next()) != null) {
            if (frame.message().getQueryIndex() != 0) {
                throw new IOException("remote-read frame " + frame.index() + " answers query "
                        + frame.message().getQueryIndex() + " of a single-query request");
            }
            for (ChunkedSeries s : frame.message().getChunkedSeriesList()) {
                Labels l = LabelsConverter.fromProm(s.getLabelsList());
                if (!externalNames.isEmpty()) {
                    l = l.without(externalNames);
                }
                if (!l.equals(previous)) {
                    if (labels.size() + 1 >= starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[labels.size()] = chunks.size();
                    labels.add(l);
                    previous = l;
                }
                for (io.thanosjava.storeapi.proto.prompb.Chunk c : s.getChunksList()) {
                    chunks.add(ChunkConverter.fromProm(c));
                }
            }
        }
        starts[labels.size()] = chunks.size();
        RemoteReadSelection selection = new RemoteReadSelection(labels.toArray(new Labels[0]),
                Arrays.copyOf(starts, labels.size() + 1), chunks.toArray(new Chunk[0]));
        return selection.isSorted() ? selection : selection.sorted();
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Labels labels(int i) {
        return labels[i];
    }

    @Override
    public int chunkCount(int i) {
        return chunkStart[i + 1] - chunkStart[i];
    }

    @Override
    public Chunk chunk(int i, int j) {
        return chunks[chunkStart[i] + j];
    }

    /** Total chunk payload bytes. */
    long chunkBytes() {
        long n = 0;
        for (Chunk c : chunks) {
            n += c.length();
        }
        return n;
    }

    private boolean isSorted() {
        for (int i = 1; i < labels.length; i++) {
            if (labels[i - 1].compareTo(labels[i]) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Prometheus sends series sorted, but removing external label names can reorder them, and a
     * name can then repeat: sort, and join equal label sets.
     */
    private RemoteReadSelection sorted() {
        Integer[] order = new Integer[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> labels[a].compareTo(labels[b]));
        List<Labels> outLabels = new ArrayList<>(labels.length);
        int[] outStarts = new int[labels.length + 1];
        Chunk[] outChunks = new Chunk[chunks.length];
        int c = 0;
        for (Integer i : order) {
            if (outLabels.isEmpty() || !outLabels.get(outLabels.size() - 1).equals(labels[i])) {
                outStarts[outLabels.size()] = c;
                outLabels.add(labels[i]);
            }
            for (int k = chunkStart[i]; k < chunkStart[i + 1]; k++) {
                outChunks[c++] = chunks[k];
            }
        }
        outStarts[outLabels.size()] = c;
        return new RemoteReadSelection(outLabels.toArray(new Labels[0]), Arrays.copyOf(outStarts, outLabels.size() + 1),
                outChunks);
    }
}
