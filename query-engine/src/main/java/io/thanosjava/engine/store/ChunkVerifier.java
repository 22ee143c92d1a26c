package io.thanosjava.engine.store;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import io.thanosjava.model.chunk.XorBits;

/**
 * Proves received XOR chunks sound without decoding their values: every sample the header announces
 * is present (no bit stream runs past the end, no XOR window is wider than 64 bits), and timestamps
 * strictly increase within the chunk's announced {@code [min_time, max_time]}. Catching corrupt bytes
 * on receipt lets the fan-out blame the store that sent them; found later, in the engine, they could
 * only fail the whole query. Other encodings are passed on unchecked.
 *
 * <p>The engine decodes every chunk again anyway, so this check only walks the bit stream: it decodes
 * timestamps (their order is what it must check) but merely skips over value bits, reading each
 * value's control bits and window, and writes nothing. The fields are read with {@link XorBits}, the
 * bit reader of the model's XOR decoder. One instance per stream (not thread-safe).
 */
final class ChunkVerifier {
    /** The most bits a sample needs before its value's significant bits: a 20-bit delta-of-delta and a new window. */
    private static final int LONGEST_HEADER = 24 + 13;

    private Chunk chunk;
    private byte[] d;
    private long endBit;
    /** Next unread bit. */
    private long pos;
    /** Where {@link XorBits#readUvarint} reports the end of the varint it read. */
    private final int[] varintEnd = new int[1];

    /** @throws ChunkDecodeException naming the chunk's time range and what is wrong */
    void verify(Chunk xorOrOther) {
        if (xorOrOther.encoding() != Chunk.XOR) {
            return;
        }
        chunk = xorOrOther;
        d = xorOrOther.data();
        endBit = (long) d.length << 3;
        walk();
    }

    private void walk() {
        if (d.length < 2) {
            throw fail(0, "chunk has " + d.length + " bytes, fewer than its 2-byte sample count");
        }
        int count = ((d[0] & 0xff) << 8) | (d[1] & 0xff);
        if (count == 0) {
            return;
        }
        pos = 16;
        long u = readUvarint(0);
        long t = (u >>> 1) ^ -(u & 1);
        pos += 64; // the first value, raw
        checkEnd(0, count);
        checkTime(0, t, t);
        if (count == 1) {
            return;
        }
        long dt = readUvarint(1);
        long previous = t;
        t += dt;
        // The second value opens the XOR window; Prometheus' reader starts with an empty (0, 0) window.
        int window = skipValue(XorBits.peek(d, d.length, pos), 1, 64);
        checkEnd(1, count);
        checkTime(1, previous, t);
        if (count > 2) {
            walkRest(count, t, dt, window);
        }
    }

    /**
     * Samples 2 and on. This is the hot loop, bound by its dependency chain: the bits of one sample tell
     * where the next begins. The state lives in locals (in fields, every sample would store and reload
     * the bit position); the bits ahead sit in a register that each sample shifts by what it used, and
     * that is refilled from memory only when fewer than the longest sample header remain; a value's three
     * forms are told apart with selects rather than branches, whose outcome follows the data.
     */
    private void walkRest(int count, long t, long dt, int window) {
        final long end = endBit;
        long p = pos;
        // w holds the bits from p on, left-aligned; the top {@code valid} of them are the chunk's.
        long w = XorBits.peek(d, d.length, p);
        int valid = XorBits.PEEK_VALID_BITS;
        for (int k = 2; k < count; k++) {
            if (valid < LONGEST_HEADER) {
                w = XorBits.peek(d, d.length, p);
                valid = XorBits.PEEK_VALID_BITS;
            }
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
                dt += XorBits.readBits(d, d.length, p + 4, 64);
                p += 68;
                w = XorBits.peek(d, d.length, p);
                valid = XorBits.PEEK_VALID_BITS;
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
            if (newWindow && leading + opened > 64) {
                pos = p + used;
                throw fail(p + used + 2, "sample " + k + " has an XOR window of " + leading + " leading zeros and "
                        + opened + " significant bits, more than 64");
            }
            window = newWindow ? opened : window;
            p += bits;
            if (bits < valid) {
                w <<= bits;
                valid -= bits;
            } else {
                w = XorBits.peek(d, d.length, p);
                valid = XorBits.PEEK_VALID_BITS;
            }
            if (p > end || t <= previous) {
                pos = p;
                checkEnd(k, count);
                checkTime(k, previous, t);
            }
        }
        pos = p;
        checkTime(count - 1, Long.MIN_VALUE, t);
    }

    /**
     * Skips one value starting at {@link #pos}, given as the left-aligned bits {@code v}; returns the
     * XOR window's significant bit count afterwards. {@code 0} keeps the value, {@code 10} XORs within
     * the current window, {@code 11} opens a new one (5 bits leading zeros, 6 bits significant bits).
     */
    private int skipValue(long v, int sample, int window) {
        if (v >= 0) {
            pos += 1;
            return window;
        }
        if (v << 1 >= 0) {
            pos += 2 + window;
            return window;
        }
        int leading = XorBits.windowLeading(v);
        int significant = XorBits.windowSignificant(v);
        if (leading + significant > 64) {
            throw fail(pos + 2, "sample " + sample + " has an XOR window of " + leading + " leading zeros and "
                    + significant + " significant bits, more than 64");
        }
        pos += 13 + significant;
        return significant;
    }

    /** Go's {@code binary.ReadUvarint} from the byte-aligned {@link #pos}, rejecting overlong input. */
    private long readUvarint(int sample) {
        long x = XorBits.readUvarint(d, d.length, (int) (pos >>> 3), varintEnd);
        int next = varintEnd[0];
        if (next == -1) {
            throw fail(endBit, "truncated varint in sample " + sample);
        }
        if (next == -2) {
            throw fail(pos, "varint in sample " + sample + " overflows 64 bits");
        }
        pos = (long) next << 3;
        return x;
    }

    private void checkEnd(int sample, int count) {
        if (pos > endBit) {
            throw fail(endBit, "truncated: sample " + sample + " of " + count
                    + " needs bits past the end of the chunk");
        }
    }

    private void checkTime(int sample, long previous, long t) {
        if ((sample > 0 && t <= previous) || t < chunk.minTime() || t > chunk.maxTime()) {
            throw new ChunkDecodeException(describe(), -1, "sample " + sample + " has timestamp " + t
                    + " out of order or outside the chunk's range");
        }
    }

    private ChunkDecodeException fail(long bit, String problem) {
        return new ChunkDecodeException(describe(), bit, problem);
    }

    private String describe() {
        return "XOR chunk [" + chunk.minTime() + ", " + chunk.maxTime() + "] of " + d.length + " bytes";
    }

}
