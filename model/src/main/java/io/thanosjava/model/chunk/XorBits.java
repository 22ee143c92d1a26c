package io.thanosjava.model.chunk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the fields of a Prometheus XOR chunk's bit stream ({@code tsdb/chunkenc/xor.go}): the one
 * bit-level reader behind {@link XorChunkIterator} and any other walker of XOR chunks, such as a
 * receiver checking chunks without decoding their values.
 *
 * <p>Everything here is static and on primitives, so that a hot loop keeps its bit position and
 * decoder state in locals: it loads the stream once per sample with {@link #peek}, a 64-bit window
 * of which at least the top {@value #PEEK_VALID_BITS} bits are valid, and takes a sample's fields
 * from that window by shifting. Deciding a field's form with branches on the window's top bits
 * measured faster than branch-free forms (leading-ones counts, selects), even on jittered
 * timestamps: a predicted branch lets the CPU start on the next sample before this one's bits are
 * loaded.
 */
public final class XorBits {
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Bits of a {@link #peek} that are the stream's, whatever the bit offset within its first byte. */
    public static final int PEEK_VALID_BITS = 57;

    private XorBits() {
    }

    /**
     * The 64 bits from bit position {@code at} of {@code d}, left-aligned; at least the top
     * {@value #PEEK_VALID_BITS} are valid. One unaligned big-endian load and a shift replace Go's
     * bit-at-a-time reader. Bytes from {@code end} on read as zero, so callers check their position
     * against the end once per sample instead of on every read.
     */
    public static long peek(byte[] d, int end, long at) {
        int i = (int) (at >>> 3);
        int shift = (int) at & 7;
        if (i <= end - Long.BYTES) {
            return (long) BIG_ENDIAN_LONG.get(d, i) << shift;
        }
        return tailWord(d, end, i) << shift;
    }

    /** The bytes from {@code i} to {@code end} as the high bytes of a word, zero-filled. */
    private static long tailWord(byte[] d, int end, int i) {
        long word = 0;
        for (int k = 0; k < Long.BYTES; k++) {
            int index = i + k;
            word = (word << 8) | (index < end ? d[index] & 0xff : 0);
        }
        return word;
    }

    /** Reads {@code n} bits (1..64) at bit position {@code at}, right-aligned. */
    public static long readBits(byte[] d, int end, long at, int n) {
        if (n <= PEEK_VALID_BITS) {
            return peek(d, end, at) >>> (64 - n);
        }
        return ((peek(d, end, at) >>> 32) << (n - 32)) | (peek(d, end, at + 32) >>> (96 - n));
    }

    /**
     * Prometheus' sign rule for the 14/17/20-bit delta-of-delta payloads: only raw values above
     * {@code 2^(width-1)} are negative, so the largest positive value {@code 2^(width-1)} fits too.
     */
    public static long signed(long raw, int width) {
        return raw > (1L << (width - 1)) ? raw - (1L << width) : raw;
    }

    /** Leading zeros of the XOR window that a value with control bits {@code 11} at the head of {@code v} opens. */
    public static int windowLeading(long v) {
        return (int) ((v << 2) >>> 59);
    }

    /**
     * Significant bits (1..64) of the XOR window that a value with control bits {@code 11} at the head
     * of {@code v} opens: 64 does not fit six bits and 0 cannot occur, so 0 stands for 64.
     */
    public static int windowSignificant(long v) {
        int bits = (int) ((v << 7) >>> 58);
        return bits == 0 ? 64 : bits;
    }

    /**
     * Go's {@code binary.ReadUvarint} over {@code d[i, end)}, rejecting overlong input: returns the
     * value and puts the index of the byte after it in {@code next[0]}, or there {@code -1} for a
     * varint cut off by {@code end} and {@code -2} for one that overflows 64 bits.
     */
    public static long readUvarint(byte[] d, int end, int i, int[] next) {
        long x = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (i >= end) {
                next[0] = -1;
                return 0;
            }
            int b = d[i++] & 0xff;
            if (b < 0x80) {
                if (shift == 63 && b > 1) {
                    break;
                }
                next[0] = i;
                return x | ((long) b << shift);
            }
            x |= (long) (b & 0x7f) << shift;
        }
        next[0] = -2;
        return 0;
    }
}
