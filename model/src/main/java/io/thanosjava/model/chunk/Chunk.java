package io.thanosjava.model.chunk;

import java.util.Arrays;
import java.util.Objects;

/**
 * One encoded chunk as a store sends it: inclusive time bounds, the encoding (Thanos' wire
 * numbering: XOR = 0, HISTOGRAM = 1, FLOAT_HISTOGRAM = 2) and the raw bytes, which start with the
 * 2-byte big-endian sample count. The bytes are never copied or re-encoded on the way through: a
 * chunk may be a slice of a larger array, such as the received frame it arrived in, which it then
 * keeps reachable.
 */
public final class Chunk {
    public static final int XOR = 0;
    public static final int HISTOGRAM = 1;
    public static final int FLOAT_HISTOGRAM = 2;

    private final long minTime;
    private final long maxTime;
    private final int encoding;
    private final byte[] array;
    private final int offset;
    private final int length;

    /** A chunk whose bytes are all of {@code data}. */
    public Chunk(long minTime, long maxTime, int encoding, byte[] data) {
        this(minTime, maxTime, encoding, Objects.requireNonNull(data, "data is null"), 0, data.length);
    }

    /** A chunk whose bytes are {@code array[offset, offset + length)}; the array is shared, not copied. */
    public Chunk(long minTime, long maxTime, int encoding, byte[] array, int offset, int length) {
        Objects.requireNonNull(array, "array is null");
        Objects.checkFromIndexSize(offset, length, array.length);
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.encoding = encoding;
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    public long minTime() {
        return minTime;
    }

    public long maxTime() {
        return maxTime;
    }

    public int encoding() {
        return encoding;
    }

    /** The array holding the encoded bytes from {@link #offset()} on; shared, so callers must not modify it. */
    public byte[] array() {
        return array;
    }

    public int offset() {
        return offset;
    }

    /** Number of encoded bytes. */
    public int length() {
        return length;
    }

    /**
     * The encoded bytes in an array of exactly their length: the backing array itself when the chunk
     * spans all of it (callers must not modify it), else a copy. Readers on hot paths use
     * {@link #array()}, {@link #offset()} and {@link #length()} instead.
     */
    public byte[] data() {
        return offset == 0 && length == array.length ? array : Arrays.copyOfRange(array, offset, offset + length);
    }
}
