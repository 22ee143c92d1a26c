package io.thanosjava.storeapi.remoteread;

import static org.assertj.core.api.Assertions.assertThat;

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
