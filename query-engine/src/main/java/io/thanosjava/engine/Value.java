package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import java.util.List;

/**
 * A query result: scalar, string, instant vector or matrix, on primitive arrays. The arrays are the
 * engine's own (not copied); the indexed accessors read them without allocating. Treat them as
 * read-only: series of one matrix may share one timestamps array.
 */
public sealed interface Value permits Value.Scalar, Value.StringValue, Value.Vector, Value.Matrix {
    /** The HTTP API's {@code resultType}. */
    String resultType();

    /**
     * A single number.
     *
     * @param timestamp evaluation time, epoch milliseconds
     * @param value the number
     */
    record Scalar(long timestamp, double value) implements Value {
        @Override
        public String resultType() {
            return "scalar";
        }
    }

    /**
     * A string literal's value.
     *
     * @param timestamp evaluation time, epoch milliseconds
     * @param value the string
     */
    record StringValue(long timestamp, String value) implements Value {
        /** Checks the components. */
        public StringValue {
            requireNonNull(value, "value is null");
        }

        @Override
        public String resultType() {
            return "string";
        }
    }

    /**
     * One sample per series, all at {@code timestamp}; order as the engine produced it (meaningful after sort/topk).
     *
     * @param timestamp evaluation time, epoch milliseconds
     * @param labels each series' labels
     * @param values each series' value, index for index with {@code labels}
     */
    record Vector(long timestamp, List<Labels> labels, double[] values) implements Value {
        /** Checks the components and copies the list. */
        public Vector {
            labels = List.copyOf(requireNonNull(labels, "labels is null"));
            requireNonNull(values, "values is null");
            if (values.length != labels.size()) {
                throw new IllegalArgumentException("labels and values differ in length");
            }
        }

        /** Number of series. */
        public int size() {
            return values.length;
        }

        /** Labels of series {@code i}. */
        public Labels label(int i) {
            return labels.get(i);
        }

        /** Value of series {@code i}. */
        public double value(int i) {
            return values[i];
        }

        @Override
        public String resultType() {
            return "vector";
        }
    }

    /**
     * Series over a time range.
     *
     * @param series sorted by labels, each with its samples in time order
     */
    record Matrix(List<Series> series) implements Value {
        /** Checks the components and copies the list. */
        public Matrix {
            series = List.copyOf(requireNonNull(series, "series is null"));
        }

        /** Number of series. */
        public int size() {
            return series.size();
        }

        /** Series {@code i}. */
        public Series series(int i) {
            return series.get(i);
        }

        @Override
        public String resultType() {
            return "matrix";
        }
    }

    /**
     * One series of a matrix: samples {@code [0, timestamps.length)}.
     *
     * @param labels the series' labels
     * @param timestamps sample times, epoch milliseconds, increasing
     * @param values sample values, index for index with {@code timestamps}
     */
    record Series(Labels labels, long[] timestamps, double[] values) {
        /** Checks the components. */
        public Series {
            requireNonNull(labels, "labels is null");
            requireNonNull(timestamps, "timestamps is null");
            requireNonNull(values, "values is null");
            if (timestamps.length != values.length) {
                throw new IllegalArgumentException("timestamps and values differ in length");
            }
        }

        /** Number of samples. */
        public int size() {
            return timestamps.length;
        }

        /** Time of sample {@code i}, epoch milliseconds. */
        public long timestamp(int i) {
            return timestamps[i];
        }

        /** Value of sample {@code i}. */
        public double value(int i) {
            return values[i];
        }
    }
}
