package io.thanosjava.model.chunk;

import java.util.Arrays;

/**
 * A growable pair of primitive arrays holding samples in insertion order: what chunk decoding
 * fills and what range evaluation slides over. The backing arrays are exposed for tight loops;
 * only the first {@link #size()} entries are meaningful.
 */
public final class SampleBuffer {
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private long[] timestamps;
    private double[] values;
    private int size;

    public SampleBuffer() {
        this(128);
    }

    public SampleBuffer(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity is negative: " + initialCapacity);
        }
        timestamps = new long[initialCapacity];
        values = new double[initialCapacity];
    }

    public void add(long t, double v) {
        if (size == timestamps.length) {
            grow(size + 1);
        }
        timestamps[size] = t;
        values[size] = v;
        size++;
    }

    /** Makes room for at least {@code extra} more samples without further growth. */
    public void ensureCapacity(int extra) {
        if (extra < 0) {
            throw new IllegalArgumentException("extra is negative: " + extra);
        }
        long needed = (long) size + extra;
        if (needed > timestamps.length) {
            if (needed > MAX_CAPACITY) {
                throw new IllegalStateException("sample buffer cannot hold " + needed + " samples");
            }
            grow((int) needed);
        }
    }

    /** Forgets all samples; keeps the arrays for reuse. */
    public void clear() {
        size = 0;
    }

    /** Drops samples from index {@code newSize} on. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException("newSize " + newSize + " outside [0, " + size + "]");
        }
        size = newSize;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long timestamp(int i) {
        return timestamps[checkIndex(i)];
    }

    public double value(int i) {
        return values[checkIndex(i)];
    }

    /** The backing timestamp array; valid up to {@link #size()}, replaced when the buffer grows. */
    public long[] timestamps() {
        return timestamps;
    }

    /** The backing value array; valid up to {@link #size()}, replaced when the buffer grows. */
    public double[] values() {
        return values;
    }

    /**
     * Sets the size after a caller filled the backing arrays directly up to {@code newSize}
     * (after {@link #ensureCapacity}): what bulk writers such as decoders and merges use instead of
     * one {@link #add} per sample.
     */
    public void setSize(int newSize) {
        if (newSize < 0 || newSize > timestamps.length) {
            throw new IndexOutOfBoundsException("newSize " + newSize + " outside [0, " + timestamps.length + "]");
        }
        size = newSize;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " outside [0, " + size + ")");
        }
        return i;
    }

    private void grow(int minCapacity) {
        long doubled = Math.max(16L, (long) timestamps.length * 2);
        int capacity = (int) Math.min(MAX_CAPACITY, Math.max(doubled, minCapacity));
        timestamps = Arrays.copyOf(timestamps, capacity);
        values = Arrays.copyOf(values, capacity);
    }
}
