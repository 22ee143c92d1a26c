package io.thanosjava.model.chunk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int HEADER_BITS = 16;
    /** Room one sample can need (at most 157 bits: an 80-bit varint and a 77-bit value) plus an 8-byte write window. */
    private static final int SAMPLE_ROOM_BYTES = 20 + Long.BYTES;

    /** The chunk's bytes; everything past {@link #bitPos} is zero, so fields are ORed in. */
    private byte[] buf = new byte[128];
    private long bitPos = HEADER_BITS;
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
        ensureRoom();
        long bits = Double.doubleToRawLongBits(value);
        long delta = timestamp - t;
        if (count == 0) {
            minTime = timestamp;
            writeVarint((timestamp << 1) ^ (timestamp >> 63));
            write64(bits);
            lastFieldWholeBytes = true;
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
        int length = (int) ((bitPos + 7) >>> 3);
        boolean padByte = (bitPos & 7) == 0 && lastFieldWholeBytes;
        byte[] out = Arrays.copyOf(buf, length + (padByte ? 1 : 0));
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
        Arrays.fill(buf, 0, (int) Math.min(buf.length, (bitPos >>> 3) + Long.BYTES), (byte) 0);
        bitPos = HEADER_BITS;
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
            write(0b0, 1);
        } else if (fits(dod, 14)) {
            write((0b10L << 14) | (dod & 0x3fff), 16);
        } else if (fits(dod, 17)) {
            write((0b110L << 17) | (dod & 0x1ffff), 20);
        } else if (fits(dod, 20)) {
            write((0b1110L << 20) | (dod & 0xfffff), 24);
        } else {
            write(0b1111, 4);
            write64(dod);
        }
    }

    private static boolean fits(long dod, int width) {
        return -((1L << (width - 1)) - 1) <= dod && dod <= 1L << (width - 1);
    }

    private void writeValue(long bits) {
        long x = bits ^ valueBits;
        if (x == 0) {
            write(0b0, 1);
            lastFieldWholeBytes = false;
            return;
        }
        int newLeading = Math.min(Long.numberOfLeadingZeros(x), 31); // must fit five bits
        int newTrailing = Long.numberOfTrailingZeros(x);
        int significant;
        if (leading >= 0 && newLeading >= leading && newTrailing >= trailing) {
            significant = 64 - leading - trailing;
            write(0b10, 2);
        } else {
            leading = newLeading;
            trailing = newTrailing;
            significant = 64 - newLeading - newTrailing;
            write((0b11L << 11) | ((long) newLeading << 6) | (significant & 0x3f), 13); // 64 is written as 0
        }
        long payload = x >>> trailing;
        if (significant <= 57) {
            write(payload, significant);
        } else {
            write(payload >>> 32, significant - 32);
            write(payload & 0xffffffffL, 32);
        }
        lastFieldWholeBytes = (significant & 7) == 0;
    }

    /** Go's {@code binary.PutUvarint}: seven bits per byte, low groups first. */
    private void writeVarint(long u) {
        while (Long.compareUnsigned(u, 0x80) >= 0) {
            write((u & 0x7f) | 0x80, 8);
            u >>>= 7;
        }
        write(u, 8);
    }

    private void write64(long u) {
        write(u >>> 32, 32);
        write(u & 0xffffffffL, 32);
    }

    /**
     * Writes the low {@code n} (1..57) bits of {@code u}, which must have no higher bits set, most
     * significant first: one big-endian 8-byte read-modify-write instead of a loop over bits.
     */
    private void write(long u, int n) {
        int i = (int) (bitPos >>> 3);
        int shift = (int) bitPos & 7;
        long word = (long) BIG_ENDIAN_LONG.get(buf, i);
        BIG_ENDIAN_LONG.set(buf, i, word | ((u << (64 - n)) >>> shift));
        bitPos += n;
    }

    private void ensureRoom() {
        int needed = (int) (bitPos >>> 3) + SAMPLE_ROOM_BYTES;
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, needed));
        }
    }
}
