package io.thanosjava.storeapi.remoteread;

import static java.util.Objects.requireNonNull;

import io.thanosjava.storeapi.proto.prompb.ChunkedReadResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * Writes {@code STREAMED_XOR_CHUNKS} frames in the layout {@link ChunkedFrameReader} reads: the
 * message size as an unsigned varint, the big-endian CRC-32C of the message, then the message.
 * Useful for a remote-read server and for tests. Not thread-safe; does not close the stream.
 */
public final class ChunkedFrameWriter {
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final byte[] header = new byte[14];

    public ChunkedFrameWriter(OutputStream out) {
        this.out = requireNonNull(out, "out is null");
    }

    public void write(ChunkedReadResponse message) throws IOException {
        requireNonNull(message, "message is null");
        writeRaw(message.toByteArray());
    }

    /** Frames bytes that are already an encoded {@code ChunkedReadResponse}. */
    public void writeRaw(byte[] messageBytes) throws IOException {
        requireNonNull(messageBytes, "messageBytes is null");
        int n = 0;
        long length = messageBytes.length;
        while (length >= 0x80) {
            header[n++] = (byte) (length | 0x80);
            length >>>= 7;
        }
        header[n++] = (byte) length;
        crc.reset();
        crc.update(messageBytes, 0, messageBytes.length);
        int c = (int) crc.getValue();
        header[n++] = (byte) (c >>> 24);
        header[n++] = (byte) (c >>> 16);
        header[n++] = (byte) (c >>> 8);
        header[n++] = (byte) c;
        out.write(header, 0, n);
        out.write(messageBytes);
    }
}
