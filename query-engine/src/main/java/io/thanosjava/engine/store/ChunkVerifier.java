package io.thanosjava.engine.store;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorBits;
import io.thanosjava.model.chunk.XorChunks;

/**
 * Proves received XOR chunks sound without decoding their values: every sample the header announces
 * is present (no bit stream runs past the end, no XOR window is wider than 64 bits), and timestamps
 * strictly increase within the chunk's announced {@code [min_time, max_time]}. Catching corrupt bytes
 * on receipt lets the fan-out blame the store that sent them; found later, in the engine, they could
 * only fail the whole query. Other encodings are passed on unchecked.
 *
 * <p>The engine decodes every chunk again anyway, so this check only walks the bit stream: it decodes
 * timestamps (their order is what it must check) but merely skips over value bits, reading each
 * value's control bits and window, and writes nothing. It answers only sound or not; a refused chunk
 * is then decoded in full by the model's decoder, whose error (or the first misplaced timestamp) says
 * what is wrong. Damage is rare, so the walk over sound chunks is kept free of everything a message
 * needs. One instance per stream (not thread-safe).
 */
final class ChunkVerifier {
    /** Where {@link XorBits#readUvarint} reports the end of the varint it read. */
    private final int[] varintEnd = new int[1];

    /** @throws ChunkDecodeException naming the chunk's time range and what is wrong */
    void verify(Chunk xorOrOther) {
        if (xorOrOther.encoding() == Chunk.XOR && !sound(xorOrOther.array(), xorOrOther.offset(),
                xorOrOther.offset() + xorOrOther.length(), xorOrOther.minTime(), xorOrOther.maxTime())) {
            throw diagnose(xorOrOther);
        }
    }

    /** Whether the XOR chunk in {@code d[start, end)} is sound; bit positions count from the array's start. */
    private boolean sound(byte[] d, int start, int end, long minTime, long maxTime) {
        if (end - start < 2) {
            return false;
        }
        int count = ((d[start] & 0xff) << 8) | (d[start + 1] & 0xff);
        if (count == 0) {
            return true;
        }
        long endBit = (long) end << 3;
        long u = XorBits.readUvarint(d, end, start + 2, varintEnd);
        if (varintEnd[0] < 0) {
            return false;
        }
        long t = (u >>> 1) ^ -(u & 1);
        long p = ((long) varintEnd[0] << 3) + 64; // the first value, raw
        if (t < minTime || p > endBit) {
            return false;
        }
        if (count == 1) {
            return t <= maxTime;
        }
        long dt = XorBits.readUvarint(d, end, (int) (p >>> 3), varintEnd);
        if (varintEnd[0] < 0) {
            return false;
        }
        p = (long) varintEnd[0] << 3;
        long previous = t;
        t += dt;
        // The second value opens the XOR window; Prometheus' reader starts with an empty (0, 0) window,
        // so a reused window there holds all 64 bits.
        long v = XorBits.peek(d, end, p);
        int window = 64;
        if (v >= 0) {
            p += 1;
        } else if (v << 1 >= 0) {
            p += 2 + window;
        } else {
            window = XorBits.windowSignificant(v);
            if (XorBits.windowLeading(v) + window > 64) {
                return false;
            }
            p += 13 + window;
        }
        if (t <= previous) {
            return false;
        }
        return count == 2 ? p <= endBit && t <= maxTime : walkRest(d, end, count, p, t, dt, window, maxTime);
    }

    /**
     * Samples 2 and on; the hot loop. One sample's bits tell where the next begins, so the loop is a
     * chain of dependent steps: it loads the 64 bits at each sample's position and takes the fields by
     * shifting, and it checks nothing on the way but collects what could be wrong in one flag. Reading
     * past the end is harmless ({@link XorBits#peek} reads zeros there) and the position only grows, so
     * one comparison with the end after the last sample shows whether every sample was inside.
     */
    private static boolean walkRest(byte[] d, int end, int count, long p, long t, long dt, int window,
            long maxTime) {
        boolean bad = false;
        for (int k = 2; k < count; k++) {
            long w = XorBits.peek(d, end, p);
            // Delta-of-delta prefix 0, 10, 110, 1110 or 1111; the sign of w shifted left reads one bit.
            int used;
            if (w >= 0) {
                used = 1;
            } else if (w << 1 >= 0) {
                dt += XorBits.signed((w << 2) >>> 50, 14);
                used = 16;
            } else if (w << 2 >= 0) {
                dt += XorBits.signed((w << 3) >>> 47, 17);
                used = 20;
            } else if (w << 3 >= 0) {
                dt += XorBits.signed((w << 4) >>> 44, 20);
                used = 24;
            } else {
                dt += XorBits.readBits(d, end, p + 4, 64);
                p += 68;
                w = XorBits.peek(d, end, p);
                used = 0;
            }
            long previous = t;
            t += dt;
            // Value: 0 = unchanged, 10 = XOR within the current window, 11 = new window (5 bits leading
            // zeros, 6 bits significant bits, 0 standing for 64), then the significant bits.
            long v = w << used;
            int leading = XorBits.windowLeading(v);
            int opened = XorBits.windowSignificant(v);
            boolean changed = v < 0;
            boolean newWindow = changed && v << 1 < 0;
            int bits = used + (newWindow ? 13 + opened : changed ? 2 + window : 1);
            bad |= newWindow && leading + opened > 64;
            window = newWindow ? opened : window;
            p += bits;
            bad |= t <= previous;
        }
        return !bad && p <= (long) end << 3 && t <= maxTime;
    }

    /**
     * What is wrong with a chunk {@link #sound} refused: the decoder's error, or else the first
     * timestamp out of order or outside the announced range.
     */
    private static ChunkDecodeException diagnose(Chunk chunk) {
        SampleBuffer samples = new SampleBuffer(128);
        try {
            XorChunks.decodeInto(chunk, Long.MIN_VALUE, Long.MAX_VALUE, samples);
        } catch (ChunkDecodeException e) {
            return e;
        }
        for (int i = 0; i < samples.size(); i++) {
            long t = samples.timestamp(i);
            if ((i > 0 && t <= samples.timestamp(i - 1)) || t < chunk.minTime() || t > chunk.maxTime()) {
                return new ChunkDecodeException("XOR chunk [" + chunk.minTime() + ", " + chunk.maxTime() + "] of "
                        + chunk.length() + " bytes", -1, "sample " + i + " has timestamp " + t
                        + " out of order or outside the chunk's range");
            }
        }
        throw new IllegalStateException("the chunk verifier refused a chunk the decoder accepts: " + chunk);
    }
}
