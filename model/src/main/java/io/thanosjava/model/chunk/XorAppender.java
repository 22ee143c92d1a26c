package io.thanosjava.model.chunk;

import java.util.Arrays;

/**
 * Encodes float samples into a Prometheus XOR chunk, byte for byte what Prometheus'
 * {@code xorAppender} writes (see {@link XorChunkIterator} for the layout), including the sample
 * count header and Prometheus' trailing bytes: its bit stream ends with one whole zero byte when
 * the last field written was a whole number of bytes that left the stream byte-aligned.
 *
 * <p>Timestamps are not checked; like Prometheus, deltas use wrapping 64-bit arithmetic, so any
 * sequence of timestamps round-trips. At most {@value #MAX_SAMPLES} samples fit the 16-bit count.
 */
public final class XorAppender {
    public static final int MAX_SAMPLES = 0xffff;

    private static final int HEADER_BYTES = 2;

    private byte[] buf = new byte[128];
    /** Bytes of {@link #buf} fully written, header included. */
    private int length = HEADER_BYTES;
    /** Bits not yet flushed to {@link #buf}, right-aligned; fewer than 8 between writes. */
    private long pending;
    private int pendingBits;
    /** Whether the last field written was a whole number of bytes (Prometheus' writeByte). */
    private boolean lastFieldWholeBytes;

    private int count;
    private long minTime;
    private long t;
    private long tDelta;
    private long valueBits;
    /** Current XOR window; -1 until the first non-zero XOR opens one. */
    private int leading = -1;
    private int trailing;

    /** Appends a sample. */
    public XorAppender append(long timestamp, double value) {
        if (count == MAX_SAMPLES) {
            throw new IllegalStateException("an XOR chunk holds at most " + MAX_SAMPLES + " samples");
        }
        long bits = Double.doubleToRawLongBits(value);
        long delta = timestamp - t;
        if (count == 0) {
            minTime = timestamp;
            writeVarint((timestamp << 1) ^ (timestamp >> 63));
            writeBits(bits, 64);
            delta = 0;
        } else if (count == 1) {
            writeVarint(delta);
            writeValue(bits);
        } else {
            writeDeltaOfDelta(delta - tDelta);
            writeValue(bits);
        }
        t = timestamp;
        tDelta = delta;
        valueBits = bits;
        count++;
        return this;
    }

    public int numSamples() {
        return count;
    }

    /** Timestamp of the first sample; undefined while empty. */
    public long minTime() {
        return minTime;
    }

    /** Timestamp of the last sample; undefined while empty. */
    public long maxTime() {
        return t;
    }

    /** The chunk bytes so far: a fresh copy, starting with the 2-byte big-endian sample count. */
    public byte[] bytes() {
        boolean padByte = pendingBits == 0 && lastFieldWholeBytes;
        int size = length + (pendingBits > 0 || padByte ? 1 : 0);
        byte[] out = Arrays.copyOf(buf, size);
        if (size > length) {
            out[length] = (byte) (pending << (8 - pendingBits)); // zero when it is a padding byte
        }
        out[0] = (byte) (count >>> 8);
        out[1] = (byte) count;
        return out;
    }

    /** The chunk so far as a {@link Chunk} of encoding {@link Chunk#XOR}. */
    public Chunk toChunk() {
        if (count == 0) {
            throw new IllegalStateException("an empty appender has no time range");
        }
        return new Chunk(minTime, t, Chunk.XOR, bytes());
    }

    /** Forgets all samples, keeping the buffer for reuse. */
    public void reset() {
        length = HEADER_BYTES;
        pending = 0;
        pendingBits = 0;
        lastFieldWholeBytes = false;
        count = 0;
        minTime = 0;
        t = 0;
        tDelta = 0;
        valueBits = 0;
        leading = -1;
        trailing = 0;
    }

    /** The widths and ranges are Prometheus' {@code bitRange}: -(2^(w-1) - 1) .. 2^(w-1). */
    private void writeDeltaOfDelta(long dod) {
        if (dod == 0) {
            writeBits(0b0, 1);
        } else if (fits(dod, 14)) {
            writeBits(0b10, 2);
            writeBits(dod, 14);
        } else if (fits(dod, 17)) {
            writeBits(0b110, 3);
            writeBits(dod, 17);
        } else if (fits(dod, 20)) {
            writeBits(0b1110, 4);
            writeBits(dod, 20);
        } else {
            writeBits(0b1111, 4);
            writeBits(dod, 64);
        }
    }

    private static boolean fits(long dod, int width) {
        return -((1L << (width - 1)) - 1) <= dod && dod <= 1L << (width - 1);
    }

    private void writeValue(long bits) {
        long x = bits ^ valueBits;
        if (x == 0) {
            writeBits(0b0, 1);
            return;
        }
        int newLeading = Math.min(Long.numberOfLeadingZeros(x), 31); // must fit five bits
        int newTrailing = Long.numberOfTrailingZeros(x);
        if (leading >= 0 && newLeading >= leading && newTrailing >= trailing) {
            writeBits(0b10, 2);
            writeBits(x >>> trailing, 64 - leading - trailing);
            return;
        }
        leading = newLeading;
        trailing = newTrailing;
        int significant = 64 - newLeading - newTrailing;
        writeBits(0b11, 2);
        writeBits(newLeading, 5);
        writeBits(significant & 0x3f, 6); // 64 is written as 0
        writeBits(x >>> newTrailing, significant);
    }

    /** Go's {@code binary.PutUvarint}: seven bits per byte, low groups first. */
    private void writeVarint(long u) {
        while (Long.compareUnsigned(u, 0x80) >= 0) {
            writeBits((u & 0x7f) | 0x80, 8);
            u >>>= 7;
        }
        writeBits(u, 8);
    }

    /** Writes the low {@code n} (1..64) bits of {@code u}, most significant first. */
    private void writeBits(long u, int n) {
        if (n > 32) {
            writeBits(u >>> 32, n - 32);
            writeBits(u, 32);
        } else {
            pending = (pending << n) | (u & (-1L >>> (64 - n)));
            pendingBits += n;
            ensureRoom(5);
            while (pendingBits >= 8) {
                pendingBits -= 8;
                buf[length++] = (byte) (pending >>> pendingBits);
            }
        }
        lastFieldWholeBytes = (n & 7) == 0;
    }

    private void ensureRoom(int bytes) {
        if (length + bytes > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + bytes));
        }
    }
}
