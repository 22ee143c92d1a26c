package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.thanosjava.dedup.ChunkSeries;
import io.thanosjava.storeapi.proto.store.Label;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesBatch;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Messages arrive as streams of known length (plain) or of unknown length (decompressed, e.g. snappy). */
class SeriesFrameMarshallerTest {
    private final MethodDescriptor<SeriesRequest, SeriesFrame> method = SeriesFrameMarshaller.seriesMethod(true);

    @Test
    void readsStreamsOfKnownAndUnknownLengthLargerThanItsBuffer() {
        SeriesBatch.Builder batch = SeriesBatch.newBuilder();
        for (int i = 0; i < 3000; i++) {
            batch.addSeries(Series.newBuilder().addLabels(Label.newBuilder()
                    .setName(ByteString.copyFromUtf8("instance")).setValue(ByteString.copyFromUtf8("host-" + i + "-" + "x".repeat(40)))));
        }
        byte[] bytes = SeriesResponse.newBuilder().setBatch(batch).build().toByteArray();
        assertThat(bytes.length).isGreaterThan(128 * 1024);
        for (InputStream stream : new InputStream[] {new Known(bytes), new Trickle(bytes)}) {
            SeriesFrame frame = method.parseResponse(stream);
            assertThat(frame).as(String.valueOf(frame)).isInstanceOf(SeriesFrame.Series.class);
            ChunkSeries[] series = ((SeriesFrame.Series) frame).series();
            assertThat(series).hasSize(3000);
            assertThat(series[2999].labels().get("instance")).startsWith("host-2999-");
        }
    }

    @Test
    void undecodableBytesBecomeAnInvalidFrameNamingTheReason() {
        SeriesFrame frame = method.parseResponse(new Known(new byte[] {0x22, 0x05, 0x0a}));
        assertThat(frame).isInstanceOf(SeriesFrame.Invalid.class);
        assertThat(((SeriesFrame.Invalid) frame).reason()).contains("truncated");
    }

    /** What gRPC hands over for an uncompressed message. */
    private static final class Known extends ByteArrayInputStream implements KnownLength {
        Known(byte[] bytes) {
            super(bytes);
        }
    }

    /** A decompressing stream: length unknown, a few bytes per read. */
    private static final class Trickle extends ByteArrayInputStream {
        Trickle(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1000));
        }
    }
}
