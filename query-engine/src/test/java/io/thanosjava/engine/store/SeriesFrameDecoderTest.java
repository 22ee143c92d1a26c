package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.thanosjava.dedup.ChunkSeries;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import io.thanosjava.model.chunk.XorChunks;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.InvalidWireDataException;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.store.AggrChunk;
import io.thanosjava.storeapi.proto.store.Label;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesBatch;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written decoder against protobuf-java's parser and the message converters. */
class SeriesFrameDecoderTest {
    private final SeriesFrameDecoder decoder = new SeriesFrameDecoder(new ChunkVerifier());

    private SeriesFrame decode(SeriesResponse response) {
        byte[] bytes = response.toByteArray();
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        return decoder.decode(padded, 3, bytes.length);
    }

    @Test
    void batchesDecodeAsTheConvertersReadTheParsedMessage() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            SeriesBatch.Builder batch = SeriesBatch.newBuilder();
            int n = 1 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                batch.addSeries(randomSeries(random));
            }
            SeriesResponse response = SeriesResponse.newBuilder().setBatch(batch).build();
            SeriesFrame frame = decode(response);
            assertThat(frame).isInstanceOf(SeriesFrame.Series.class);
            ChunkSeries[] got = ((SeriesFrame.Series) frame).series();
            assertThat(got).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertSameSeries(got[i], batch.getSeries(i));
            }
        }
    }

    @Test
    void aSeriesFrameUnknownFieldsAndInvalidUtf8() {
        Random random = new Random(11);
        Series series = randomSeries(random).toBuilder()
                .addLabels(Label.newBuilder().setName(ByteString.copyFromUtf8("zz"))
                        .setValue(ByteString.copyFrom(new byte[] {'a', (byte) 0xff, (byte) 0xc3, 'b'})))
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(9, UnknownFieldSet.Field.newBuilder().addVarint(5).addFixed64(1).addFixed32(2)
                                .addLengthDelimited(ByteString.copyFromUtf8("x"))
                                .addGroup(UnknownFieldSet.newBuilder().addField(1,
                                        UnknownFieldSet.Field.newBuilder().addVarint(3).build()).build())
                                .build())
                        .build())
                .build();
        SeriesFrame frame = decode(SeriesResponse.newBuilder().setSeries(series).build());
        ChunkSeries[] got = ((SeriesFrame.Series) frame).series();
        assertThat(got).hasSize(1);
        assertSameSeries(got[0], series);
        assertThat(got[0].labels().get("zz")).isEqualTo("a\uFFFD\uFFFDb");
    }

    @Test
    void warningsHintsAndEmptyFrames() {
        assertThat(decode(SeriesResponse.newBuilder().setWarning("store is slow").build()))
                .isEqualTo(new SeriesFrame.Warning("store is slow"));
        assertThat(decode(SeriesResponse.newBuilder().setHints(Any.newBuilder().setTypeUrl("x/y")).build()))
                .isSameAs(SeriesFrame.IGNORED);
        assertThat(decode(SeriesResponse.newBuilder().setBatch(SeriesBatch.getDefaultInstance()).build()))
                .isSameAs(SeriesFrame.IGNORED);
        assertThat(decode(SeriesResponse.getDefaultInstance())).isSameAs(SeriesFrame.IGNORED);
    }

    @Test
    void repeatedLabelNamesAndValuesShareOneString() {
        Random random = new Random(3);
        SeriesBatch.Builder batch = SeriesBatch.newBuilder().addSeries(randomSeries(random)).addSeries(randomSeries(random));
        ChunkSeries[] got = ((SeriesFrame.Series) decode(SeriesResponse.newBuilder().setBatch(batch).build())).series();
        assertThat(got[0].labels().name(0)).isSameAs(got[1].labels().name(0));
        assertThat(got[0].labels().value(0)).isSameAs(got[1].labels().value(0));
    }

    @Test
    void unsortedOrEmptyValuedLabelsAreNormalisedAsTheConverterDoes() {
        Series series = Series.newBuilder()
                .addLabels(label("b", "2")).addLabels(label("a", "1")).addLabels(label("c", "")).addLabels(label("a", "3"))
                .build();
        ChunkSeries[] got = ((SeriesFrame.Series) decode(SeriesResponse.newBuilder().setSeries(series).build())).series();
        assertThat(got[0].labels()).isEqualTo(Labels.of("a", "3", "b", "2"));
        assertThat(got[0].chunks()).isEmpty();
    }

    @Test
    void badContentFailsWithTheReason() {
        AggrChunk countOnly = AggrChunk.newBuilder().setMinTime(1).setMaxTime(2)
                .setCount(io.thanosjava.storeapi.proto.store.Chunk.newBuilder().setData(ByteString.copyFromUtf8("x")))
                .build();
        assertThatThrownBy(() -> decode(seriesWith(countOnly)))
                .isInstanceOf(InvalidWireDataException.class).hasMessage("chunk [1, 2] has no RAW part");
        AggrChunk unknownEncoding = AggrChunk.newBuilder().setMinTime(1).setMaxTime(2)
                .setRaw(io.thanosjava.storeapi.proto.store.Chunk.newBuilder().setTypeValue(7)).build();
        assertThatThrownBy(() -> decode(seriesWith(unknownEncoding)))
                .isInstanceOf(InvalidWireDataException.class).hasMessageContaining("unknown Thanos encoding 7");
        byte[] chunk = XorChunks.encode(new long[] {1, 2, 3}, new double[] {1, 2, 3}, 3);
        AggrChunk cut = ChunkConverter.toThanosRaw(new Chunk(1, 3, Chunk.XOR, Arrays.copyOf(chunk, chunk.length - 2)));
        assertThatThrownBy(() -> decode(seriesWith(cut))).isInstanceOf(ChunkDecodeException.class)
                .hasMessageContaining("[1, 3]");
    }

    @Test
    void truncatedOrMalformedBytesFailAtEveryCut() {
        Random random = new Random(5);
        byte[] bytes = SeriesResponse.newBuilder()
                .setBatch(SeriesBatch.newBuilder().addSeries(randomSeries(random)).addSeries(randomSeries(random)))
                .build().toByteArray();
        // Every cut either leaves a shorter valid message (between two fields) or fails with one of the
        // decoder's exceptions; nothing else (no index errors) may escape.
        for (int cut = 1; cut < bytes.length; cut++) {
            try {
                assertThat(decoder.decode(bytes, 0, cut)).isNotNull();
            } catch (InvalidWireDataException | ChunkDecodeException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThatThrownBy(() -> decoder.decode(new byte[] {0x22, 0x05, 0x0a}, 0, 3))
                .isInstanceOf(InvalidWireDataException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> decoder.decode(new byte[] {0x00}, 0, 1))
                .isInstanceOf(InvalidWireDataException.class).hasMessageContaining("tag");
    }

    private static SeriesResponse seriesWith(AggrChunk chunk) {
        return SeriesResponse.newBuilder().setSeries(Series.newBuilder().addLabels(label("a", "1")).addChunks(chunk)).build();
    }

    private static Label label(String name, String value) {
        return Label.newBuilder().setName(ByteString.copyFromUtf8(name)).setValue(ByteString.copyFromUtf8(value)).build();
    }

    private static void assertSameSeries(ChunkSeries got, Series expected) {
        assertThat(got.labels()).isEqualTo(LabelsConverter.fromThanos(expected.getLabelsList()));
        assertThat(got.chunks()).hasSize(expected.getChunksCount());
        for (int j = 0; j < expected.getChunksCount(); j++) {
            Chunk want = ChunkConverter.fromThanosRaw(expected.getChunks(j));
            Chunk have = got.chunks().get(j);
            assertThat(have.minTime()).isEqualTo(want.minTime());
            assertThat(have.maxTime()).isEqualTo(want.maxTime());
            assertThat(have.encoding()).isEqualTo(want.encoding());
            assertThat(have.data()).isEqualTo(want.data());
        }
    }

    private static Series randomSeries(Random random) {
        Series.Builder s = Series.newBuilder()
                .addLabels(label("__name__", "metric_" + random.nextInt(3)))
                .addLabels(label("instance", "host-" + random.nextInt(1_000_000)))
                .addLabels(label("job", "j" + random.nextInt(2)));
        int chunks = random.nextInt(4);
        long t = random.nextInt(1000);
        for (int c = 0; c < chunks; c++) {
            int n = 1 + random.nextInt(120);
            long[] ts = new long[n];
            double[] vs = new double[n];
            for (int i = 0; i < n; i++) {
                t += 1 + random.nextInt(30_000);
                ts[i] = t;
                vs[i] = random.nextInt(4) == 0 ? random.nextDouble() : i;
            }
            int encoding = random.nextInt(5) == 0 ? Chunk.HISTOGRAM : Chunk.XOR;
            byte[] data = encoding == Chunk.XOR ? XorChunks.encode(ts, vs, n) : new byte[] {1, 2, 3};
            AggrChunk.Builder chunk = ChunkConverter.toThanosRaw(new Chunk(ts[0], ts[n - 1], encoding, data)).toBuilder();
            if (random.nextBoolean()) {
                chunk.setSum(io.thanosjava.storeapi.proto.store.Chunk.newBuilder().setData(ByteString.copyFromUtf8("agg")));
            }
            s.addChunks(chunk);
        }
        return s.build();
    }
}
