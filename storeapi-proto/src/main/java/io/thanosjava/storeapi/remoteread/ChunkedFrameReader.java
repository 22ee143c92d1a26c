package io.thanosjava.storeapi.remoteread;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import io.thanosjava.storeapi.proto.prompb.ChunkedReadResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads the body of a {@code STREAMED_XOR_CHUNKS} remote-read response frame by frame.
 *
 * <p>Each frame is an unsigned LEB128 varint {@code N}, a big-endian uint32 CRC-32C (Castagnoli) of
 * the message bytes, and {@code N} bytes of {@code prometheus.ChunkedReadResponse}. Frames follow
 * each other with nothing in between and no end marker; an empty body has no frames. Every defect
 * (size over the limit, checksum mismatch, a body cut inside a frame, an unparsable message) is
 * reported as a {@link RemoteReadFormatException} naming the frame index and byte offset, so a
 * damaged body never passes for a short answer.
 *
 * <p>Memory follows the bytes actually received, not the declared length: the frame buffer grows
 * as data arrives and is reused across frames. The length and checksum are read byte by byte, so
 * pass a buffered stream when the source is a socket. Not thread-safe.
 */
public final class ChunkedFrameReader {
    /** Prometheus' client-side default limit for one frame (its {@code DefaultChunkedReadLimit}). */
    public static final int DEFAULT_MAX_FRAME_BYTES = 50_000_000;

    private static final int MAX_VARINT_BYTES = 10;
    private static final int INITIAL_BUFFER = 4096;

    private final InputStream in;
    private final int maxFrameBytes;
    private final CRC32C crc = new CRC32C();
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private long position;
    private int frameIndex;

    public ChunkedFrameReader(InputStream in) {
        this(in, DEFAULT_MAX_FRAME_BYTES);
    }

    /** @param maxFrameBytes largest accepted message size; a larger declared size is an error */
    public ChunkedFrameReader(InputStream in, int maxFrameBytes) {
        this.in = requireNonNull(in, "in is null");
        if (maxFrameBytes < 0) {
            throw new IllegalArgumentException("maxFrameBytes must not be negative: " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next frame, or {@code null} when the body ended cleanly between frames.
     *
     * @throws RemoteReadFormatException when the body is malformed
     * @throws IOException when reading the underlying stream fails
     */
    public ChunkedFrame next() throws IOException {
        long frameOffset = position;
        int first = in.read();
        if (first < 0) {
            return null;
        }
        position++;
        long length = readLengthVarint(first, frameOffset);
        if (Long.compareUnsigned(length, maxFrameBytes) > 0) {
            throw error(frameOffset, "message size " + Long.toUnsignedString(length)
                    + " bytes exceeds the limit of " + maxFrameBytes + " bytes");
        }
        int size = (int) length;
        int expectedCrc = readCrc(frameOffset);
        readMessage(size, frameOffset);
        crc.reset();
        crc.update(buffer, 0, size);
        int actualCrc = (int) crc.getValue();
        if (actualCrc != expectedCrc) {
            throw error(frameOffset, String.format("CRC-32C mismatch: frame says %08x, message has %08x",
                    expectedCrc, actualCrc));
        }
        ChunkedReadResponse message;
        try {
            message = ChunkedReadResponse.parser().parseFrom(buffer, 0, size);
        } catch (InvalidProtocolBufferException e) {
            throw new RemoteReadFormatException(describe(frameOffset) + ": invalid ChunkedReadResponse: "
                    + e.getMessage(), e);
        }
        return new ChunkedFrame(frameIndex++, frameOffset, size, expectedCrc, message);
    }

    /** Bytes consumed so far. */
    public long position() {
        return position;
    }

    private long readLengthVarint(int firstByte, long frameOffset) throws IOException {
        long value = firstByte & 0x7f;
        int b = firstByte;
        int shift = 7;
        // The 10th byte may only contribute bit 63, so the overflow check below also ends any
        // varint longer than 10 bytes.
        for (int i = 1; (b & 0x80) != 0; i++) {
            b = in.read();
            if (b < 0) {
                throw error(frameOffset, "body ends inside the length varint");
            }
            position++;
            if (i == MAX_VARINT_BYTES - 1 && b > 1) {
                throw error(frameOffset, "length varint overflows 64 bits");
            }
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        return value;
    }

    private int readCrc(long frameOffset) throws IOException {
        int crcValue = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b < 0) {
                throw error(frameOffset, "body ends inside the CRC-32C (" + i + " of 4 bytes)");
            }
            crcValue = (crcValue << 8) | b;
        }
        position += 4;
        return crcValue;
    }

    /** Fills buffer[0, size), growing it only as bytes arrive so a lying length cannot exhaust memory. */
    private void readMessage(int size, long frameOffset) throws IOException {
        int filled = 0;
        while (filled < size) {
            if (filled == buffer.length) {
                long grown = Math.max(INITIAL_BUFFER, 2L * buffer.length);
                buffer = Arrays.copyOf(buffer, (int) Math.min(size, grown));
            }
            int n = in.read(buffer, filled, Math.min(size, buffer.length) - filled);
            if (n < 0) {
                throw error(frameOffset, "body ends after " + filled + " of " + size + " message bytes");
            }
            filled += n;
            position += n;
        }
    }

    private RemoteReadFormatException error(long frameOffset, String problem) {
        return new RemoteReadFormatException(describe(frameOffset) + ": " + problem);
    }

    private String describe(long frameOffset) {
        return "remote-read frame " + frameIndex + " at byte offset " + frameOffset;
    }
}
