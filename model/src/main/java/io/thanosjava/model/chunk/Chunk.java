package io.thanosjava.model.chunk;

import java.util.Objects;

/**
 * One encoded chunk as a store sends it: inclusive time bounds, the encoding (Thanos' wire
 * numbering: XOR = 0, HISTOGRAM = 1, FLOAT_HISTOGRAM = 2) and the raw bytes, which start with the
 * 2-byte big-endian sample count. The bytes are never copied or re-encoded on the way through.
 */
public final class Chunk {
    public static final int XOR = 0;
    public static final int HISTOGRAM = 1;
    public static final int FLOAT_HISTOGRAM = 2;

    private final long minTime;
    private final long maxTime;
    private final int encoding;
    private final byte[] data;

    public Chunk(long minTime, long maxTime, int encoding, byte[] data) {
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.encoding = encoding;
        this.data = Objects.requireNonNull(data, "data is null");
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

    /** The encoded bytes; callers must not modify them. */
    public byte[] data() {
        return data;
    }
}
