package io.thanosjava.stores.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.InvalidWireDataException;
import io.thanosjava.storeapi.proto.prompb.Chunk;
import io.thanosjava.storeapi.proto.prompb.ChunkedReadResponse;
import io.thanosjava.storeapi.proto.prompb.ChunkedSeries;
import io.thanosjava.storeapi.proto.prompb.Label;
import io.thanosjava.storeapi.remoteread.ChunkedFrameReader;
import io.thanosjava.storeapi.remoteread.ChunkedFrameWriter;
import io.thanosjava.stores.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Turning streamed remote-read bodies into a selection. */
class RemoteReadSelectionTest {
    @Test
    void seriesSplitOverFramesBecomeOneAndChunksKeepTheirBytes() throws IOException {
        RemoteReadSelection small = read(SharedData.golden("remote-read-small-frames.bin"), Set.of());
        RemoteReadSelection all = read(SharedData.golden("remote-read-all-series.bin"), Set.of());
        assertThat(small.size()).isPositive();
        for (int i = 0; i < small.size(); i++) {
            assertThat(small.labels(i)).isNotEqualTo(i > 0 ? small.labels(i - 1) : null);
        }
        assertThat(all.size()).isEqualTo(56);
        int chunks = 0;
        for (int i = 0; i < all.size(); i++) {
            chunks += all.chunkCount(i);
            for (int j = 0; j < all.chunkCount(i); j++) {
                assertThat(all.chunk(i, j).encoding()).isEqualTo(io.thanosjava.model.chunk.Chunk.XOR);
            }
        }
        assertThat(chunks).isEqualTo(237);
        assertThat(all.chunkBytes()).isPositive();
    }

    @Test
    void externalLabelNamesAreRemovedAndOrderRestored() throws IOException {
        // As Prometheus sends them: sorted with the external label "a" included.
        byte[] body = body(
                series(Labels.of("a", "ext", "b", "2"), 10),
                series(Labels.of("a", "ext", "c", "1"), 20),
                series(Labels.of("a", "ext", "c", "1"), 30));
        RemoteReadSelection s = RemoteReadSelection.read(new ChunkedFrameReader(new ByteArrayInputStream(body)), Set.of("a"));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.labels(0)).isEqualTo(Labels.of("b", "2"));
        assertThat(s.labels(1)).isEqualTo(Labels.of("c", "1"));
        assertThat(s.chunkCount(1)).isEqualTo(2);
        assertThat(s.chunk(1, 1).minTime()).isEqualTo(30);

        byte[] unsorted = body(series(Labels.of("x", "ext", "z", "1"), 1), series(Labels.of("b", "1", "x", "ext"), 2));
        RemoteReadSelection sorted = RemoteReadSelection.read(
                new ChunkedFrameReader(new ByteArrayInputStream(unsorted)), Set.of("x"));
        assertThat(sorted.labels(0)).isEqualTo(Labels.of("b", "1"));
        assertThat(sorted.chunk(0, 0).minTime()).isEqualTo(2);
        assertThat(sorted.labels(1)).isEqualTo(Labels.of("z", "1"));
    }

    @Test
    void unknownEncodingsAndForeignQueriesAreRejected() throws IOException {
        ChunkedSeries bad = ChunkedSeries.newBuilder().addLabels(label("a", "b"))
                .addChunks(Chunk.newBuilder().setTypeValue(0).setMinTimeMs(1).setMaxTimeMs(2)).build();
        assertThatThrownBy(() -> RemoteReadSelection.read(new ChunkedFrameReader(new ByteArrayInputStream(body(bad))), Set.of()))
                .isInstanceOf(InvalidWireDataException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedFrameWriter(out).write(ChunkedReadResponse.newBuilder().setQueryIndex(1)
                .addChunkedSeries(series(Labels.of("a", "b"), 1)).build());
        assertThatThrownBy(() -> RemoteReadSelection.read(new ChunkedFrameReader(new ByteArrayInputStream(out.toByteArray())),
                Set.of())).isInstanceOf(IOException.class).hasMessageContaining("answers query 1");
    }

    private static RemoteReadSelection read(java.nio.file.Path file, Set<String> external) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return RemoteReadSelection.read(new ChunkedFrameReader(in), external);
        }
    }

    private static ChunkedSeries series(Labels l, long minTime) {
        ChunkedSeries.Builder b = ChunkedSeries.newBuilder();
        for (int i = 0; i < l.size(); i++) {
            b.addLabels(label(l.name(i), l.value(i)));
        }
        return b.addChunks(Chunk.newBuilder().setTypeValue(1).setMinTimeMs(minTime).setMaxTimeMs(minTime + 5)
                .setData(ByteString.copyFrom(new byte[] {0, 1, 2}))).build();
    }

    private static Label label(String name, String value) {
        return Label.newBuilder().setName(ByteString.copyFromUtf8(name)).setValue(ByteString.copyFromUtf8(value)).build();
    }

    private static byte[] body(ChunkedSeries... series) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkedFrameWriter w = new ChunkedFrameWriter(out);
        for (ChunkedSeries s : series) {
            w.write(ChunkedReadResponse.newBuilder().addChunkedSeries(s).build());
        }
        return out.toByteArray();
    }
}
