package io.thanosjava.engine.storage;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.Series;

/** A series over primitive sample arrays (timestamps strictly increasing); the arrays are shared, not copied. */
public final class ArraySeries implements Series {
    private final Labels labels;
    private final long[] timestamps;
    private final double[] values;
    private final int from;
    private final int to;

    /** Samples {@code [from, to)} of the arrays. */
    public ArraySeries(Labels labels, long[] timestamps, double[] values, int from, int to) {
        this.labels = requireNonNull(labels, "labels is null");
        this.timestamps = requireNonNull(timestamps, "timestamps is null");
        this.values = requireNonNull(values, "values is null");
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
        if (from < 0 || to > timestamps.length || from > to) {
            throw new IndexOutOfBoundsException("bad sample range [" + from + ", " + to + ")");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public Labels labels() {
        return labels;
    }

    @Override
    public SampleIterator iterator() {
        return new Cursor();
    }

    private final class Cursor implements SampleIterator {
        private int i = from - 1;

        @Override
        public boolean next() {
            if (i < to) {
                i++;
            }
            return i < to;
        }

        @Override
        public boolean seek(long t) {
            if (i < from) {
                i = from;
            }
            while (i < to && timestamps[i] < t) {
                i++;
            }
            return i < to;
        }

        @Override
        public long atT() {
            return timestamps[i];
        }

        @Override
        public double atV() {
            return values[i];
        }
    }
}
