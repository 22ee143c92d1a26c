package io.thanosjava.model.chunk;

import io.thanosjava.model.SampleIterator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Decodes a Prometheus XOR chunk (Gorilla-style float samples) sample by sample, on primitives.
 *
 * <p>The layout is Prometheus' {@code tsdb/chunkenc/xor.go}: a 2-byte big-endian sample count, then
 * one bit stream holding the first timestamp as a zig-zag varint and its value as 64 raw bits, the
 * second timestamp as an unsigned varint delta, and every later timestamp as a prefix-coded
 * delta-of-delta; values after the first are XORed with their predecessor. Decoding stops after
 * the number of samples in the header, so trailing padding is ignored. Values keep their raw bits,
 * including NaN payloads and the stale marker.
 *
 * <p>One instance can be {@link #reset reset} onto any number of chunks; decoding allocates
 * nothing. Truncated or corrupt bytes raise {@link ChunkDecodeException} (never an
 * {@code ArrayIndexOutOfBoundsException}); after that the iterator is exhausted until the next
 * reset. Like Prometheus, the decoder does not check that timestamps increase.
 */
public final class XorChunkIterator implements SampleIterator {
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] NO_DATA = new byte[2];
    private static final long NO_TIME = Long.MIN_VALUE;

    private byte[] data = NO_DATA;
    /** Index of the chunk's first byte in {@link #data}. */
    private int start;
    /** Index one past the chunk's last byte. */
    private int end;
    /** Last index from which eight whole bytes can be read. */
    private int wordLimit;
    /** Bit position in {@link #data} (not relative to {@link #start}) of the next unread bit. */
    private long pos;
    private long endBit;

    private int count;
    private int read;
    private boolean exhausted;
    private long t;
    private long tDelta;
    private long valueBits;
    /** The current XOR window; Prometheus' reader starts with an empty (0, 0) window. */
    private int leading;
    private int trailing;

    private long describedMinTime = NO_TIME;
    private long describedMaxTime = NO_TIME;

    /** Points this iterator at a chunk of encoding {@link Chunk#XOR}; its time range names it in errors. */
    public XorChunkIterator reset(Chunk chunk) {
        Objects.requireNonNull(chunk, "chunk is null");
        describedMinTime = chunk.minTime();
        describedMaxTime = chunk.maxTime();
        if (chunk.encoding() != Chunk.XOR) {
            String problem = "encoding " + chunk.encoding() + " is not XOR (" + Chunk.XOR + ")";
            throw new ChunkDecodeException(describe(), -1, problem);
        }
        byte[] bytes = chunk.data();
        return resetBytes(bytes, 0, bytes.length);
    }

    /** Points this iterator at the whole array. */
    public XorChunkIterator reset(byte[] data) {
        Objects.requireNonNull(data, "data is null");
        return reset(data, 0, data.length);
    }

    /**
     * Points this iterator at {@code length} chunk bytes starting at {@code offset}; the bytes are
     * read in place, never copied.
     *
     * @throws ChunkDecodeException when the bytes are too short to hold the sample count
     */
    public XorChunkIterator reset(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data is null");
        Objects.checkFromIndexSize(offset, length, data.length);
        describedMinTime = NO_TIME;
        describedMaxTime = NO_TIME;
        return resetBytes(data, offset, length);
    }

    private XorChunkIterator resetBytes(byte[] bytes, int offset, int length) {
        data = bytes;
        start = offset;
        end = offset + length;
        wordLimit = end - Long.BYTES;
        endBit = (long) end << 3;
        read = 0;
        exhausted = false;
        count = 0;
        t = 0;
        tDelta = 0;
        valueBits = 0;
        leading = 0;
        trailing = 0;
        if (length < 2) {
            throw new ChunkDecodeException(describe(), 0, "chunk has " + length + " bytes, fewer than its 2-byte sample count");
        }
        count = ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
        pos = (long) (offset + 2) << 3;
        return this;
    }

    /** The sample count from the chunk header. */
    public int numSamples() {
        return count;
    }

    @Override
    public boolean next() {
        if (read >= count) {
            exhausted = true;
            return false;
        }
        if (read >= 2) {
            readTimestampDeltaOfDelta();
            readValue();
        } else if (read == 0) {
            t = readVarint();
            valueBits = readBits(pos, 64);
            pos += 64;
        } else {
            tDelta = readUvarint();
            t += tDelta;
            readValue();
        }
        if (pos > endBit) {
            throw failure(endBit, "truncated: sample " + read + " of " + count + " needs bits past the end of the chunk");
        }
        read++;
        return true;
    }

    @Override
    public boolean seek(long target) {
        if (exhausted) {
            return false;
        }
        if (read > 0 && t >= target) {
            return true;
        }
        while (next()) {
            if (t >= target) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long atT() {
        return t;
    }

    @Override
    public double atV() {
        return Double.longBitsToDouble(valueBits);
    }

    /** The raw IEEE-754 bits of the current value. */
    public long atValueBits() {
        return valueBits;
    }

    /**
     * Appends the samples not yet read whose timestamps lie in {@code [mint, maxt]}, stopping at the
     * first sample after {@code maxt}. On a {@link ChunkDecodeException} {@code out} is left
     * unchanged.
     *
     * @return the number of samples appended
     */
    public int decodeRemainingInto(SampleBuffer out, long mint, long maxt) {
        Objects.requireNonNull(out, "out is null");
        // Each sample takes at least two bits, so a lying header cannot make us reserve much more
        // than the bytes could hold.
        long bitsLeft = Math.max(0, endBit - pos);
        out.ensureCapacity((int) Math.min(count - read, bitsLeft / 2 + 2));
        int size = out.size();
        int n = size;
        long[] timestamps = out.timestamps();
        double[] values = out.values();
        while (next()) {
            if (t < mint) {
                continue;
            }
            if (t > maxt) {
                break;
            }
            if (n == timestamps.length) {
                out.ensureCapacity(n - size + 1);
                timestamps = out.timestamps();
                values = out.values();
            }
            timestamps[n] = t;
            values[n] = Double.longBitsToDouble(valueBits);
            n++;
        }
        out.setSize(n);
        return n - size;
    }

    private void readTimestampDeltaOfDelta() {
        long w = peek(pos);
        long dod;
        // The prefix is 0, 10, 110, 1110 or 1111; testing the sign of w shifted left reads one bit.
        if (w >= 0) {
            pos += 1;
            dod = 0;
        } else if (w << 1 >= 0) {
            dod = signed((w << 2) >>> 50, 14);
            pos += 16;
        } else if (w << 2 >= 0) {
            dod = signed((w << 3) >>> 47, 17);
            pos += 20;
        } else if (w << 3 >= 0) {
            dod = signed((w << 4) >>> 44, 20);
            pos += 24;
        } else {
            dod = readBits(pos + 4, 64);
            pos += 68;
        }
        tDelta += dod;
        t += tDelta;
    }

    /**
     * Prometheus' sign rule for the 14/17/20-bit payloads: only raw values above {@code 2^(w-1)}
     * are negative, so the largest positive value {@code 2^(w-1)} fits too.
     */
    private static long signed(long raw, int width) {
        return raw > (1L << (width - 1)) ? raw - (1L << width) : raw;
    }

    private void readValue() {
        long w = peek(pos);
        if (w >= 0) {
            pos += 1;
            return;
        }
        int significant;
        if (w << 1 >= 0) {
            pos += 2;
            significant = 64 - leading - trailing;
        } else {
            int newLeading = (int) ((w << 2) >>> 59);
            significant = (int) ((w << 7) >>> 58);
            if (significant == 0) {
                significant = 64; // 64 does not fit six bits and 0 cannot occur, so 0 stands for 64
            }
            int newTrailing = 64 - newLeading - significant;
            if (newTrailing < 0) {
                throw failure(pos + 2, "XOR window of " + newLeading + " leading zeros and "
                        + significant + " significant bits exceeds 64 bits");
            }
            pos += 13;
            leading = newLeading;
            trailing = newTrailing;
        }
        valueBits ^= readBits(pos, significant) << trailing;
        pos += significant;
    }

    /** Reads {@code n} bits (1..64) at bit position {@code at}, right-aligned. */
    private long readBits(long at, int n) {
        if (n <= 57) {
            return peek(at) >>> (64 - n);
        }
        return ((peek(at) >>> 32) << (n - 32)) | (peek(at + 32) >>> (96 - n));
    }

    /**
     * The 64 bits from bit position {@code at}, left-aligned; at least the top 57 are valid. Bits
     * past the chunk's end read as zero: callers check {@link #pos} against the end once per sample
     * instead of on every read.
     */
    private long peek(long at) {
        int i = (int) (at >>> 3);
        int shift = (int) at & 7;
        if (i <= wordLimit) {
            return (long) BIG_ENDIAN_LONG.get(data, i) << shift;
        }
        return tailWord(i) << shift;
    }

    /** The bytes from {@code i} to the end of the chunk as the high bytes of a word, zero-filled. */
    private long tailWord(int i) {
        long word = 0;
        for (int k = 0; k < Long.BYTES; k++) {
            int index = i + k;
            word = (word << 8) | (index < end ? data[index] & 0xff : 0);
        }
        return word;
    }

    /** Go's {@code binary.ReadVarint}: zig-zag over an unsigned varint. */
    private long readVarint() {
        long u = readUvarint();
        return (u >>> 1) ^ -(u & 1);
    }

    /** Go's {@code binary.ReadUvarint}, from a byte-aligned position, rejecting overlong input. */
    private long readUvarint() {
        int i = (int) (pos >>> 3);
        long x = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (i >= end) {
                throw failure((long) i << 3, "truncated varint in sample " + read);
            }
            int b = data[i++] & 0xff;
            if (b < 0x80) {
                if (shift == 63 && b > 1) {
                    break;
                }
                pos = (long) i << 3;
                return x | ((long) b << shift);
            }
            x |= (long) (b & 0x7f) << shift;
        }
        throw failure(pos, "varint in sample " + read + " overflows 64 bits");
    }

    private ChunkDecodeException failure(long absoluteBit, String problem) {
        read = count;
        exhausted = true;
        return new ChunkDecodeException(describe(), absoluteBit - ((long) start << 3), problem);
    }

    private String describe() {
        int length = end - start;
        if (describedMinTime == NO_TIME && describedMaxTime == NO_TIME) {
            return "XOR chunk of " + length + " bytes";
        }
        return "XOR chunk [" + describedMinTime + ", " + describedMaxTime + "] of " + length + " bytes";
    }
}
