package io.thanosjava.storeapi.remoteread;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import io.thanosjava.model.chunk.XorChunkIterator;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.InvalidWireDataException;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.prompb.ChunkedSeries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Arbitrary and mutated bodies: the readers finish or throw {@link RemoteReadFormatException}, nothing else. */
class FrameReaderFuzzTest {
    private static final byte[] GOLDEN = Golden.bytes("remote-read-two-queries.bin");

    @Property(tries = 2000)
    void randomBytes(@ForAll @Size(max = 300) byte[] body) {
        assertOnlyFormatErrors(body);
    }

    /** Random messages behind a correct length and checksum reach the protobuf parser. */
    @Property(tries = 2000)
    void randomMessagesWithValidChecksums(@ForAll @Size(max = 5) List<@Size(max = 200) byte[]> messages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkedFrameWriter writer = new ChunkedFrameWriter(out);
        for (byte[] m : messages) {
            writer.writeRaw(m);
        }
        assertOnlyFormatErrors(out.toByteArray());
    }

    @Property(tries = 1000)
    void mutatedGoldenBody(@ForAll("mutations") int[] positions, @ForAll byte xor, @ForAll("cuts") int cut) {
        byte[] body = Arrays.copyOf(GOLDEN, Math.min(cut, GOLDEN.length));
        for (int p : positions) {
            if (p < body.length) {
                body[p] ^= xor == 0 ? 1 : xor;
            }
        }
        assertOnlyFormatErrors(body);
    }

    /**
     * Mutated messages behind a recomputed checksum: the reader, the conversions and the XOR decoder
     * each fail only with their documented exception.
     */
    @Property(tries = 1000)
    void mutatedMessagesWithValidChecksums(@ForAll("mutations") int[] positions, @ForAll byte xor) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkedFrameWriter writer = new ChunkedFrameWriter(out);
        for (ChunkedFrame frame : StreamedGoldenTest.readAll(GOLDEN)) {
            byte[] message = frame.message().toByteArray();
            for (int p : positions) {
                message[p % message.length] ^= xor == 0 ? 1 : xor;
            }
            writer.writeRaw(message);
        }
        ChunkedFrameReader reader = new ChunkedFrameReader(new ByteArrayInputStream(out.toByteArray()));
        XorChunkIterator it = new XorChunkIterator();
        try {
            for (ChunkedFrame f = reader.next(); f != null; f = reader.next()) {
                for (ChunkedSeries series : f.message().getChunkedSeriesList()) {
                    LabelsConverter.fromProm(series.getLabelsList());
                    for (var wire : series.getChunksList()) {
                        decodeAll(it, wire);
                    }
                }
            }
        } catch (RemoteReadFormatException expected) {
            assertThat(expected.getMessage()).contains("invalid ChunkedReadResponse");
        }
    }

    private static void decodeAll(XorChunkIterator it, io.thanosjava.storeapi.proto.prompb.Chunk wire) {
        try {
            Chunk chunk = ChunkConverter.fromProm(wire);
            if (chunk.encoding() == Chunk.XOR) {
                it.reset(chunk);
                while (it.next()) {
                    it.atT();
                }
            }
        } catch (InvalidWireDataException | ChunkDecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void randomSamplesBodies(@ForAll @Size(max = 300) byte[] body) {
        try {
            RemoteReadBodies.decodeSamplesResponse(body, 1 << 16);
        } catch (RemoteReadFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<int[]> mutations() {
        return Arbitraries.integers().between(0, GOLDEN.length - 1).array(int[].class).ofMinSize(0).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, GOLDEN.length);
    }

    private static void assertOnlyFormatErrors(byte[] body) {
        ChunkedFrameReader reader = new ChunkedFrameReader(new ByteArrayInputStream(body), 1 << 20);
        try {
            while (reader.next() != null) {
                assertThat(reader.position()).isLessThanOrEqualTo(body.length);
            }
            assertThat(reader.position()).isEqualTo(body.length);
        } catch (RemoteReadFormatException expected) {
            assertThat(expected.getMessage()).startsWith("remote-read frame ");
        } catch (IOException e) {
            throw new AssertionError("only RemoteReadFormatException may escape", e);
        }
    }
}
