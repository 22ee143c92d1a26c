package io.thanosjava.model.chunk;

import java.util.Objects;

/** One-shot helpers over XOR chunk bytes; to decode many chunks, reuse one {@link XorChunkIterator}. */
public final class XorChunks {
    private XorChunks() {
    }

    /**
     * The sample count from the 2-byte header.
     *
     * @throws ChunkDecodeException when there are fewer than two bytes
     */
    public static int numSamples(byte[] data) {
        return new XorChunkIterator().reset(data).numSamples();
    }

    /** Appends every sample of the chunk to {@code out}; returns how many. */
    public static int decodeInto(byte[] data, SampleBuffer out) {
        return decodeInto(data, Long.MIN_VALUE, Long.MAX_VALUE, out);
    }

    /**
     * Appends the chunk's samples with timestamps in {@code [mint, maxt]} (both inclusive) to
     * {@code out}; returns how many. On a {@link ChunkDecodeException} {@code out} is unchanged.
     */
    public static int decodeInto(byte[] data, long mint, long maxt, SampleBuffer out) {
        Objects.requireNonNull(out, "out is null");
        return new XorChunkIterator().reset(data).decodeRemainingInto(out, mint, maxt);
    }

    /** Like {@link #decodeInto(byte[], long, long, SampleBuffer)}; the chunk's time range names it in errors. */
    public static int decodeInto(Chunk chunk, long mint, long maxt, SampleBuffer out) {
        Objects.requireNonNull(out, "out is null");
        return new XorChunkIterator().reset(chunk).decodeRemainingInto(out, mint, maxt);
    }

    /** Encodes samples {@code [0, count)} of the arrays into a new chunk. */
    public static byte[] encode(long[] timestamps, double[] values, int count) {
        Objects.requireNonNull(timestamps, "timestamps is null");
        Objects.requireNonNull(values, "values is null");
        Objects.checkFromIndexSize(0, count, Math.min(timestamps.length, values.length));
        XorAppender appender = new XorAppender();
        for (int i = 0; i < count; i++) {
            appender.append(timestamps[i], values[i]);
        }
        return appender.bytes();
    }
}
