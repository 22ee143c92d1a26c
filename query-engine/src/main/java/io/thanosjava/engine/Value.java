package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import java.util.List;

/** A query result: scalar, string, instant vector or matrix, on primitive arrays. */
public sealed interface Value permits Value.Scalar, Value.StringValue, Value.Vector, Value.Matrix {
    /** The HTTP API's {@code resultType}. */
    String resultType();

    record Scalar(long timestamp, double value) implements Value {
        @Override
        public String resultType() {
            return "scalar";
        }
    }

    record StringValue(long timestamp, String value) implements Value {
        public StringValue {
            requireNonNull(value, "value is null");
        }

        @Override
        public String resultType() {
            return "string";
        }
    }

    /** One sample per series, all at {@code timestamp}; order as the engine produced it (meaningful after sort/topk). */
    record Vector(long timestamp, List<Labels> labels, double[] values) implements Value {
        public Vector {
            labels = List.copyOf(requireNonNull(labels, "labels is null"));
            requireNonNull(values, "values is null");
            if (values.length != labels.size()) {
                throw new IllegalArgumentException("labels and values differ in length");
            }
        }

        public int size() {
            return values.length;
        }

        @Override
        public String resultType() {
            return "vector";
        }
    }

    /** Series sorted by labels, each with its samples in time order. */
    record Matrix(List<Series> series) implements Value {
        public Matrix {
            series = List.copyOf(requireNonNull(series, "series is null"));
        }

        @Override
        public String resultType() {
            return "matrix";
        }
    }

    /** One series of a matrix: samples {@code [0, timestamps.length)}. */
    record Series(Labels labels, long[] timestamps, double[] values) {
        public Series {
            requireNonNull(labels, "labels is null");
            requireNonNull(timestamps, "timestamps is null");
            requireNonNull(values, "values is null");
            if (timestamps.length != values.length) {
                throw new IllegalArgumentException("timestamps and values differ in length");
            }
        }
    }
}
