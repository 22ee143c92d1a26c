package io.thanosjava.model.chunk;

import io.thanosjava.model.SampleIterator;
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
 * nothing. The iterator decodes 64 samples at a time into its own buffer (about 1 KiB), so reuse
 * instances rather than creating one per chunk; {@link #decodeRemainingInto} bypasses the buffer. Truncated or corrupt bytes raise {@link ChunkDecodeException} (never an
 * {@code ArrayIndexOutOfBoundsException}); after that the iterator is exhausted until the next
 * reset. Like Prometheus, the decoder does not check that timestamps increase.
 */
public final class XorChunkIterator implements SampleIterator {
    private static final byte[] NO_DATA = new byte[2];
    private static final long NO_TIME = Long.MIN_VALUE;

    /** Samples decoded per refill of the iterator's buffer. */
    private static final int BATCH = 64;

    private byte[] data = NO_DATA;
    /** Index of the chunk's first byte in {@link #data}. */
    private int start;
    /** Index one past the chunk's last byte. */
    private int end;
    /** Bit position in {@link #data} (not relative to {@link #start}) of the next unread bit. */
    private long pos;
    private long endBit;

    /** Decoder state after the last decoded sample. */
    private int count;
    private int read;
    private long t;
    private long tDelta;
    private long valueBits;
    /** The current XOR window; Prometheus' reader starts with an empty (0, 0) window. */
    private int leading;
    private int trailing;
    /** Set when decoding failed; thrown once the samples decoded before the failure are consumed. */
    private ChunkDecodeException failure;
    /** Where {@link XorBits#readUvarint} reports the end of the varint it read. */
    private final int[] varintEnd = new int[1];

    /** Decoded samples not all handed out yet, and the iterator's position among them. */
    private final long[] bufferedT = new long[BATCH];
    private final double[] bufferedV = new double[BATCH];
    private int buffered;
    private int cursor;
    private boolean exhausted;

    private long describedMinTime = NO_TIME;
    private long describedMaxTime = NO_TIME;

    /** Points this iterator at a chunk of encoding {@link Chunk#XOR}; its time range names it in errors. */
    public XorChunkIterator reset(Chunk chunk) {
        Objects.requireNonNull(chunk, "chunk is null");
        forgetChunk();
        describedMinTime = chunk.minTime();
        describedMaxTime = chunk.maxTime();
        if (chunk.encoding() != Chunk.XOR) {
            String problem = "encoding " + chunk.encoding() + " is not XOR (" + Chunk.XOR + ")";
            throw new ChunkDecodeException(describe(), -1, problem);
        }
        return resetBytes(chunk.array(), chunk.offset(), chunk.length());
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
        forgetChunk();
        Objects.checkFromIndexSize(offset, length, data.length);
        describedMinTime = NO_TIME;
        describedMaxTime = NO_TIME;
        return resetBytes(data, offset, length);
    }

    /** Leaves the iterator exhausted, so a reset that throws never lets the previous chunk go on. */
    private void forgetChunk() {
        count = 0;
        read = 0;
        failure = null;
        buffered = 0;
        cursor = -1;
        exhausted = true;
    }

    /** Points at new bytes; called after {@link #forgetChunk}, so a failure leaves the iterator exhausted. */
    private XorChunkIterator resetBytes(byte[] bytes, int offset, int length) {
        data = bytes;
        start = offset;
        end = offset + length;
        endBit = (long) end << 3;
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
        exhausted = false;
        return this;
    }

    /** The sample count from the chunk header. */
    public int numSamples() {
        return count;
    }

    @Override
    public boolean next() {
        if (cursor + 1 < buffered) {
            cursor++;
            return true;
        }
        if (exhausted) {
            return false;
        }
        if (failure == null && read < count) {
            buffered = decodeBatch(bufferedT, bufferedV, 0, BATCH);
            cursor = 0;
            if (buffered > 0) {
                return true;
            }
        }
        exhausted = true;
        throwPendingFailure();
        return false;
    }

    @Override
    public boolean seek(long target) {
        if (exhausted) {
            return false;
        }
        if (cursor >= 0 && bufferedT[cursor] >= target) {
            return true;
        }
        while (next()) {
            if (bufferedT[cursor] >= target) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long atT() {
        return bufferedT[cursor];
    }

    @Override
    public double atV() {
        return bufferedV[cursor];
    }

    /** The raw IEEE-754 bits of the current value. */
    public long atValueBits() {
        return Double.doubleToRawLongBits(bufferedV[cursor]);
    }

    /**
     * Appends the samples not yet read whose timestamps lie in {@code [mint, maxt]}, stopping at the
     * first sample after {@code maxt}; the iterator is exhausted afterwards. On a
     * {@link ChunkDecodeException} {@code out} is left unchanged.
     *
     * @return the number of samples appended
     */
    public int decodeRemainingInto(SampleBuffer out, long mint, long maxt) {
        Objects.requireNonNull(out, "out is null");
        int size = out.size();
        boolean filter = mint != Long.MIN_VALUE || maxt != Long.MAX_VALUE;
        int n = size;
        boolean pastMaxt = false;
        for (int k = cursor + 1; k < buffered && !pastMaxt; k++) {
            out.ensureCapacity(n - size + 1);
            long tk = bufferedT[k];
            pastMaxt = tk > maxt;
            if (tk >= mint && !pastMaxt) {
                out.timestamps()[n] = tk;
                out.values()[n] = bufferedV[k];
                n++;
            }
        }
        cursor = buffered - 1;
        while (!pastMaxt && failure == null && read < count) {
            // Each sample takes at least two bits, so a lying header cannot make us reserve much
            // more than the bytes could hold.
            long bitsLeft = Math.max(0, endBit - pos);
            out.ensureCapacity(n - size + (int) Math.min(count - read, bitsLeft / 2 + 2));
            long[] timestamps = out.timestamps();
            double[] values = out.values();
            int got = decodeBatch(timestamps, values, n, timestamps.length - n);
            if (!filter) {
                n += got;
                continue;
            }
            int stop = n + got;
            for (int k = n; k < stop; k++) {
                long tk = timestamps[k];
                if (tk > maxt) {
                    pastMaxt = true;
                    break;
                }
                if (tk >= mint) {
                    timestamps[n] = tk;
                    values[n] = values[k];
                    n++;
                }
            }
        }
        exhausted = true;
        throwPendingFailure();
        out.setSize(n);
        return n - size;
    }

    /**
     * Appends up to {@code max} of the samples not yet read, unfiltered, for readers that decode a
     * chunk piece by piece ({@link #hasUnread} tells whether any are left). On a
     * {@link ChunkDecodeException} the samples decoded before the damage stay appended.
     *
     * @return the number of samples appended
     */
    public int decodeInto(SampleBuffer out, int max) {
        Objects.requireNonNull(out, "out is null");
        int size = out.size();
        int n = size;
        for (int k = cursor + 1; k < buffered && n - size < max; k++) {
            out.add(bufferedT[k], bufferedV[k]);
            cursor = k;
            n++;
        }
        // As in decodeRemainingInto: a lying header cannot reserve much more than the bytes could hold.
        long bitsLeft = Math.max(0, endBit - pos);
        int wanted = (int) Math.min(Math.min(max - (n - size), count - read), bitsLeft / 2 + 2);
        if (wanted > 0 && failure == null) {
            out.ensureCapacity(wanted);
            n += decodeBatch(out.timestamps(), out.values(), n, wanted);
            out.setSize(n);
        }
        if (!hasUnread()) {
            exhausted = true;
            throwPendingFailure();
        }
        return n - size;
    }

    /** Whether samples are left that {@link #decodeInto} can append. */
    public boolean hasUnread() {
        return !exhausted && (cursor + 1 < buffered || (failure == null && read < count));
    }

    private void throwPendingFailure() {
        ChunkDecodeException e = failure;
        if (e != null) {
            failure = null;
            throw e;
        }
    }

    /**
     * Decodes up to {@code max} samples into the arrays from index {@code off}; returns how many.
     * On bad input it records {@link #failure} and returns the samples decoded before it.
     *
     * <p>This is the hot loop. The decoder state lives in locals for its duration: kept in fields,
     * every sample would store and reload the bit position and timestamp through memory, and those
     * form the loop's dependency chain.
     */
    private int decodeBatch(long[] ts, double[] vs, int off, int max) {
        int o = off;
        int stop = off + Math.min(max, count - read);
        while (read < 2 && o < stop) {
            if (!readHeadSample()) {
                return o - off;
            }
            ts[o] = t;
            vs[o] = Double.longBitsToDouble(valueBits);
            o++;
        }
        final byte[] d = data;
        final int e = end;
        final long lastBit = endBit;
        long p = pos;
        long tt = t;
        long dt = tDelta;
        long v = valueBits;
        int lead = leading;
        int trail = trailing;
        int first = o;
        for (; o < stop; o++) {
            // One 64-bit peek usually covers both the timestamp and the value: 57 bits are valid
            // and a sample commonly needs 2 to 30.
            long w = XorBits.peek(d, e, p);
            int used; // bits of w taken by the timestamp
            // Delta-of-delta prefix 0, 10, 110, 1110 or 1111; the sign of w shifted left reads one bit.
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
                dt += XorBits.readBits(d, e, p + 4, 64);
                p += 68;
                w = XorBits.peek(d, e, p);
                used = 0;
            }
            tt += dt;
            // Value: 0 = unchanged, 10 = XOR in the current window, 11 = new window, then XOR.
            long vw = w << used;
            if (vw >= 0) {
                p += used + 1;
            } else {
                int header;
                int significant;
                if (vw << 1 >= 0) {
                    header = 2;
                    significant = 64 - lead - trail;
                } else {
                    header = 13;
                    int newLeading = XorBits.windowLeading(vw);
                    significant = XorBits.windowSignificant(vw);
                    if (newLeading + significant > 64) {
                        recordFailure(p + used + 2, "sample " + (read + o - first) + " has an XOR window of "
                                + newLeading + " leading zeros and " + significant + " significant bits, more than 64");
                        break;
                    }
                    lead = newLeading;
                    trail = 64 - newLeading - significant;
                }
                int valueBitsUsed = used + header;
                long x = valueBitsUsed + significant <= XorBits.PEEK_VALID_BITS
                        ? (vw << header) >>> (64 - significant)
                        : XorBits.readBits(d, e, p + valueBitsUsed, significant);
                v ^= x << trail;
                p += valueBitsUsed + significant;
            }
            if (p > lastBit) {
                recordFailure(lastBit, "truncated: sample " + (read + o - first) + " of " + count
                        + " needs bits past the end of the chunk");
                break;
            }
            ts[o] = tt;
            vs[o] = Double.longBitsToDouble(v);
        }
        if (failure == null) {
            pos = p;
            t = tt;
            tDelta = dt;
            valueBits = v;
            leading = lead;
            trailing = trail;
            read += o - first;
        }
        return o - off;
    }

    /** Decodes sample 0 or 1 into the fields; false (with {@link #failure} set) on bad input. */
    private boolean readHeadSample() {
        try {
            if (read == 0) {
                t = readVarint();
                valueBits = XorBits.readBits(data, end, pos, 64);
                pos += 64;
            } else {
                tDelta = readUvarint();
                t += tDelta;
                readValue();
            }
        } catch (ChunkDecodeException e) {
            failure = e;
            return false;
        }
        if (pos > endBit) {
            recordFailure(endBit, "truncated: sample " + read + " of " + count + " needs bits past the end of the chunk");
            return false;
        }
        read++;
        return true;
    }

    /** The value of sample 1, which always opens the first window; kept simple as it runs once per chunk. */
    private void readValue() {
        long w = XorBits.peek(data, end, pos);
        if (w >= 0) {
            pos += 1;
            return;
        }
        int significant;
        if (w << 1 >= 0) {
            pos += 2;
            significant = 64 - leading - trailing;
        } else {
            int newLeading = XorBits.windowLeading(w);
            significant = XorBits.windowSignificant(w);
            if (newLeading + significant > 64) {
                throw failureAt(pos + 2, "sample 1 has an XOR window of " + newLeading + " leading zeros and "
                        + significant + " significant bits, more than 64");
            }
            pos += 13;
            leading = newLeading;
            trailing = 64 - newLeading - significant;
        }
        valueBits ^= XorBits.readBits(data, end, pos, significant) << trailing;
        pos += significant;
    }

    /** Go's {@code binary.ReadVarint}: zig-zag over an unsigned varint. */
    private long readVarint() {
        long u = readUvarint();
        return (u >>> 1) ^ -(u & 1);
    }

    /** Go's {@code binary.ReadUvarint}, from a byte-aligned position, rejecting overlong input. */
    private long readUvarint() {
        long x = XorBits.readUvarint(data, end, (int) (pos >>> 3), varintEnd);
        int next = varintEnd[0];
        if (next < 0) {
            throw failureAt(next == -1 ? (long) end << 3 : pos, next == -1
                    ? "truncated varint in sample " + read
                    : "varint in sample " + read + " overflows 64 bits");
        }
        pos = (long) next << 3;
        return x;
    }

    private void recordFailure(long absoluteBit, String problem) {
        failure = failureAt(absoluteBit, problem);
    }

    private ChunkDecodeException failureAt(long absoluteBit, String problem) {
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
