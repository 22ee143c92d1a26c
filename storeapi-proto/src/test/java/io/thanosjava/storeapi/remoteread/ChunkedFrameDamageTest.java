package io.thanosjava.storeapi.remoteread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.storeapi.proto.prompb.ChunkedReadResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Damaged streamed bodies are rejected with a clear error, never read as a shorter answer. */
class ChunkedFrameDamageTest {

    @Test
    void flippedPayloadByteFailsTheCrcNamingFrameAndOffset() throws IOException {
        byte[] body = Golden.bytes("remote-read-small-frames.bin");
        List<ChunkedFrame> frames = StreamedGoldenTest.readAll(body);
        for (ChunkedFrame frame : frames) {
            int headerBytes = varintSize(frame.messageLength()) + 4;
            byte[] damaged = body.clone();
            int at = (int) frame.offset() + headerBytes + frame.messageLength() / 2;
            damaged[at] ^= 0x01;
            assertThatThrownBy(() -> StreamedGoldenTest.readAll(damaged))
                    .isInstanceOf(RemoteReadFormatException.class)
                    .hasMessageContaining("CRC-32C mismatch")
                    .hasMessageContaining("frame " + frame.index() + " at byte offset " + frame.offset());
        }
    }

    @Test
    void flippedCrcByteIsRejected() {
        byte[] body = Golden.bytes("remote-read-two-queries.bin");
        body[2] ^= (byte) 0x80; // frame 0: 2-byte length varint, then the CRC
        assertThatThrownBy(() -> StreamedGoldenTest.readAll(body))
                .isInstanceOf(RemoteReadFormatException.class)
                .hasMessageContaining("frame 0 at byte offset 0: CRC-32C mismatch");
    }

    /** Every cut inside a frame is an error; a cut between frames yields exactly the frames before it. */
    @Test
    void everyTruncationIsAnErrorUnlessItFallsBetweenFrames() throws IOException {
        byte[] body = Golden.bytes("remote-read-two-queries.bin");
        List<ChunkedFrame> frames = StreamedGoldenTest.readAll(body);
        Set<Long> boundaries = new HashSet<>();
        for (ChunkedFrame f : frames) {
            boundaries.add(f.offset());
        }
        for (int cut = 1; cut < body.length; cut++) {
            byte[] truncated = Arrays.copyOf(body, cut);
            if (boundaries.contains((long) cut)) {
                assertThat(StreamedGoldenTest.readAll(truncated)).hasSizeLessThan(frames.size());
            } else {
                int at = cut;
                assertThatThrownBy(() -> StreamedGoldenTest.readAll(truncated))
                        .as("cut at %d", at)
                        .isInstanceOf(RemoteReadFormatException.class)
                        .hasMessageContaining("body ends");
            }
        }
    }

    @Test
    void frameOverTheLimitIsRejectedBeforeReadingIt() {
        byte[] body = Golden.bytes("remote-read-all-series.bin"); // frame 0 holds 1001 bytes
        ChunkedFrameReader reader = new ChunkedFrameReader(new ByteArrayInputStream(body), 1000);
        assertThatThrownBy(reader::next)
                .isInstanceOf(RemoteReadFormatException.class)
                .hasMessage("remote-read frame 0 at byte offset 0: message size 1001 bytes exceeds the limit of 1000 bytes");
        assertThat(reader.position()).isEqualTo(2);
    }

    @Test
    void hugeDeclaredLengthsAreRejected() {
        byte[] maxUint64 = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};
        assertThatThrownBy(() -> new ChunkedFrameReader(new ByteArrayInputStream(maxUint64)).next())
                .isInstanceOf(RemoteReadFormatException.class)
                .hasMessageContaining("message size 18446744073709551615 bytes exceeds the limit");
        for (byte tenth : new byte[] {0x02, (byte) 0x81}) {
            byte[] overflow = Arrays.copyOf(maxUint64, 12);
            overflow[9] = tenth;
            assertThatThrownBy(() -> new ChunkedFrameReader(new ByteArrayInputStream(overflow)).next())
                    .isInstanceOf(RemoteReadFormatException.class)
                    .hasMessageContaining("overflows 64 bits");
        }
    }

    @Test
    void validChecksumOverNonProtobufIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedFrameWriter(out).writeRaw(new byte[] {0x0a, 0x05, 0x01});
        assertThatThrownBy(() -> StreamedGoldenTest.readAll(out.toByteArray()))
                .isInstanceOf(RemoteReadFormatException.class)
                .hasMessageStartingWith("remote-read frame 0 at byte offset 0: invalid ChunkedReadResponse");
    }

    @Test
    void writerReproducesPrometheusFramesByteForByte() throws IOException {
        for (String file : Golden.streamedFiles()) {
            byte[] body = Golden.bytes(file);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChunkedFrameWriter writer = new ChunkedFrameWriter(out);
            for (ChunkedFrame f : StreamedGoldenTest.readAll(body)) {
                writer.write(f.message());
            }
            assertThat(out.toByteArray()).as(file).isEqualTo(body);
        }
    }

    @Test
    void emptyMessageFrameRoundTrips() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedFrameWriter(out).write(ChunkedReadResponse.getDefaultInstance());
        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 0, 0); // length 0, CRC-32C of nothing is 0
        List<ChunkedFrame> frames = StreamedGoldenTest.readAll(out.toByteArray());
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).message()).isEqualTo(ChunkedReadResponse.getDefaultInstance());
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }
}
