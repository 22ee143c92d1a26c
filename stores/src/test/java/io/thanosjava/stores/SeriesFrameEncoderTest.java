package io.thanosjava.stores;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesBatch;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written frames are byte for byte what protobuf-java writes for the same messages. */
class SeriesFrameEncoderTest {
    private final SeriesFrameEncoder encoder = new SeriesFrameEncoder();

    @Test
    void batchAndSingleFramesEqualProtobufJavasBytes() {
        Random random = new Random(1);
        for (int round = 0; round < 300; round++) {
            List<Labels> labels = new ArrayList<>();
            List<Chunk[]> chunks = new ArrayList<>();
            int n = 1 + random.nextInt(70);
            for (int i = 0; i < n; i++) {
                labels.add(randomLabels(random));
                chunks.add(randomChunks(random));
            }
            SeriesSelection selection = new ListSelection(labels, chunks);
            boolean skipChunks = random.nextInt(5) == 0;
            boolean batch = n > 1 || random.nextBoolean();

            SeriesBatch.Builder expectedBatch = SeriesBatch.newBuilder();
            for (int i = 0; i < n; i++) {
                encoder.addSeries(labels.get(i), selection, i, skipChunks);
                Series.Builder s = Series.newBuilder().addAllLabels(LabelsConverter.toThanos(labels.get(i)));
                if (!skipChunks) {
                    for (Chunk c : chunks.get(i)) {
                        s.addChunks(ChunkConverter.toThanosRaw(c));
                    }
                }
                expectedBatch.addSeries(s);
            }
            SeriesResponse expected = batch
                    ? SeriesResponse.newBuilder().setBatch(expectedBatch).build()
                    : SeriesResponse.newBuilder().setSeries(expectedBatch.getSeries(0)).build();
            EncodedFrame frame = encoder.finish(batch);
            byte[] got = Arrays.copyOfRange(frame.bytes(), frame.offset(), frame.offset() + frame.length());
            assertThat(got).as("round %d", round).isEqualTo(expected.toByteArray());
        }
    }

    private static Labels randomLabels(Random random) {
        Labels.Builder b = Labels.builder().set("__name__", "m" + random.nextInt(3));
        int extra = random.nextInt(40);
        for (int i = 0; i < extra; i++) {
            b.set("l" + i, random.nextInt(10) == 0 ? "ünï\u20ac" + i : "v".repeat(random.nextInt(200) + 1));
        }
        return b.build();
    }

    private static Chunk[] randomChunks(Random random) {
        Chunk[] out = new Chunk[random.nextInt(20)];
        long t = random.nextInt(3) == 0 ? -random.nextInt(1_000_000) : random.nextInt(2);
        for (int i = 0; i < out.length; i++) {
            long min = t;
            t += random.nextInt(3) == 0 ? 0 : random.nextInt(1 << 30);
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            out[i] = new Chunk(min, t, random.nextInt(3), data);
            t++;
        }
        return out;
    }

    /** A selection over lists, using the interface's default chunk-to-sink path. */
    private record ListSelection(List<Labels> labels, List<Chunk[]> chunks) implements SeriesSelection {
        @Override
        public int size() {
            return labels.size();
        }

        @Override
        public Labels labels(int i) {
            return labels.get(i);
        }

        @Override
        public int chunkCount(int i) {
            return chunks.get(i).length;
        }

        @Override
        public Chunk chunk(int i, int j) {
            return chunks.get(i)[j];
        }
    }
}
