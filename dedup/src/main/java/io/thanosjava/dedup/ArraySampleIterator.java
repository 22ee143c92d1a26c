package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.SampleIterator;
import java.util.Objects;

/**
 * Iterates samples held in primitive arrays (e.g. a decoded {@link io.thanosjava.model.chunk.SampleBuffer}),
 * timestamps ascending. The arrays are read in place and can be swapped with {@link #reset}.
 */
public final class ArraySampleIterator implements SampleIterator {
    /** Seeks this close are scanned linearly; farther ones use binary search. */
    private static final int LINEAR_SEEK_LIMIT = 8;

    private long[] timestamps;
    private double[] values;
    private int end;
    private int index;
    private int start;

    public ArraySampleIterator(long[] timestamps, double[] values, int from, int to) {
        reset(timestamps, values, from, to);
    }

    /** Points this iterator at {@code [from, to)} of the arrays, before the first sample. */
    public ArraySampleIterator reset(long[] timestamps, double[] values, int from, int to) {
        requireNonNull(timestamps, "timestamps is null");
        requireNonNull(values, "values is null");
        Objects.checkFromToIndex(from, to, Math.min(timestamps.length, values.length));
        this.timestamps = timestamps;
        this.values = values;
        this.start = from;
        this.end = to;
        this.index = from - 1;
        return this;
    }

    @Override
    public boolean next() {
        if (index + 1 < end) {
            index++;
            return true;
        }
        index = end;
        return false;
    }

    @Override
    public boolean seek(long t) {
        if (index >= end) {
            return false;
        }
        if (index >= start && timestamps[index] >= t) {
            return true;
        }
        index = firstAtOrAfter(timestamps, index + 1, end, t);
        return index < end;
    }

    /**
     * The first index in {@code [from, end)} whose timestamp is {@code >= t}, or {@code end}: a short
     * linear scan (seeks usually land a few samples ahead), then bisection.
     */
    static int firstAtOrAfter(long[] timestamps, int from, int end, long t) {
        int i = from;
        int linearEnd = Math.min(end, i + LINEAR_SEEK_LIMIT);
        for (; i < linearEnd; i++) {
            if (timestamps[i] >= t) {
                return i;
            }
        }
        int lo = i;
        int hi = end; // answer in [lo, hi]; hi == end means none
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] >= t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    @Override
    public long atT() {
        return timestamps[index];
    }

    @Override
    public double atV() {
        return values[index];
    }
}
