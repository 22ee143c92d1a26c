package io.thanosjava.storeapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SnappyFramedCodecTest {
    private static final byte[] STREAM_IDENTIFIER = {(byte) 0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y'};

    /** Up to 70 000 bytes spans more than one 64 KiB framing chunk. */
    @Property(tries = 100)
    void roundTrip(@ForAll @Size(max = 70_000) byte[] payload) throws IOException {
        assertThat(decompress(compress(payload))).isEqualTo(payload);
    }

    @Test
    void writesTheFramingFormatNotRawBlocks() throws IOException {
        byte[] compressed = compress("hello hello hello hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(compressed).startsWith(STREAM_IDENTIFIER);
        assertThat(SnappyFramedCodec.INSTANCE.getMessageEncoding()).isEqualTo("snappy");
    }

    /** A stream laid out by hand per the framing format (as Go's snappy writer emits it) decodes. */
    @Test
    void readsAHandBuiltFramedStream() throws IOException {
        byte[] payload = "thanos".getBytes(StandardCharsets.US_ASCII);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        int c = (int) crc.getValue();
        int masked = ((c >>> 15) | (c << 17)) + 0xa282ead8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(STREAM_IDENTIFIER);
        int chunkLength = 4 + payload.length;
        out.writeBytes(new byte[] {0x01, (byte) chunkLength, 0, 0}); // uncompressed data chunk
        out.writeBytes(new byte[] {(byte) masked, (byte) (masked >>> 8), (byte) (masked >>> 16), (byte) (masked >>> 24)});
        out.writeBytes(payload);
        assertThat(decompress(out.toByteArray())).isEqualTo(payload);
    }

    @Test
    void registriesKnowSnappyAndTheDefaults() {
        assertThat(SnappyFramedCodec.compressorRegistry().lookupCompressor("snappy")).isSameAs(SnappyFramedCodec.INSTANCE);
        assertThat(SnappyFramedCodec.compressorRegistry().lookupCompressor("gzip")).isNotNull();
        assertThat(SnappyFramedCodec.decompressorRegistry().lookupDecompressor("snappy")).isSameAs(SnappyFramedCodec.INSTANCE);
        assertThat(SnappyFramedCodec.decompressorRegistry().getAdvertisedMessageEncodings()).contains("snappy", "gzip");
    }

    private static byte[] compress(byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream os = SnappyFramedCodec.INSTANCE.compress(out)) {
            os.write(payload);
        }
        return out.toByteArray();
    }

    private static byte[] decompress(byte[] compressed) throws IOException {
        try (InputStream in = SnappyFramedCodec.INSTANCE.decompress(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
