package io.thanosjava.engine.storage;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable in-memory {@link Queryable}: series held as sorted primitive sample arrays. Used by
 * tests, the {@code .test} script runner and embedded callers; build one with {@link #builder()}.
 */
public final class InMemoryQueryable implements Queryable {
    private final Labels[] labels;
    private final long[][] timestamps;
    private final double[][] values;

    private InMemoryQueryable(TreeMap<Labels, Samples> byLabels) {
        int n = byLabels.size();
        labels = new Labels[n];
        timestamps = new long[n][];
        values = new double[n][];
        int i = 0;
        for (var e : byLabels.entrySet()) {
            labels[i] = e.getKey();
            timestamps[i] = e.getValue().timestamps;
            values[i] = e.getValue().values;
            i++;
        }
    }

    private record Samples(long[] timestamps, double[] values) {
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of series held. */
    public int seriesCount() {
        return labels.length;
    }

    @Override
    public SeriesSet select(SelectHints hints, List<LabelMatcher> matchers) {
        requireNonNull(hints, "hints is null");
        requireNonNull(matchers, "matchers is null");
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (!matchesAll(labels[i], matchers)) {
                continue;
            }
            long[] ts = timestamps[i];
            int from = lowerBound(ts, hints.start());
            int to = upperBound(ts, hints.end());
            if (from < to) {
                out.add(new ArraySeries(labels[i], ts, values[i], from, to));
            }
        }
        return new ListSeriesSet(out);
    }

    @Override
    public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> matchers) {
        requireNonNull(matchers, "matchers is null");
        TreeSet<String> names = new TreeSet<>(Labels::compareUtf8);
        for (int i = 0; i < labels.length; i++) {
            if (matchesAll(labels[i], matchers) && hasSampleIn(timestamps[i], mint, maxt)) {
                for (int j = 0; j < labels[i].size(); j++) {
                    names.add(labels[i].name(j));
                }
            }
        }
        return new LabelQueryResult(new ArrayList<>(names), List.of());
    }

    @Override
    public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> matchers) {
        requireNonNull(name, "name is null");
        requireNonNull(matchers, "matchers is null");
        TreeSet<String> vals = new TreeSet<>(Labels::compareUtf8);
        for (int i = 0; i < labels.length; i++) {
            String v = labels[i].get(name);
            if (v != null && matchesAll(labels[i], matchers) && hasSampleIn(timestamps[i], mint, maxt)) {
                vals.add(v);
            }
        }
        return new LabelQueryResult(new ArrayList<>(vals), List.of());
    }

    private static boolean matchesAll(Labels l, List<LabelMatcher> matchers) {
        for (int i = 0; i < matchers.size(); i++) {
            if (!matchers.get(i).matches(l)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSampleIn(long[] ts, long mint, long maxt) {
        return lowerBound(ts, mint) < upperBound(ts, maxt);
    }

    /** First index with {@code ts[i] >= t}. */
    private static int lowerBound(long[] ts, long t) {
        int i = Arrays.binarySearch(ts, t);
        return i >= 0 ? i : -i - 1;
    }

    /** First index with {@code ts[i] > t}. */
    private static int upperBound(long[] ts, long t) {
        int i = Arrays.binarySearch(ts, t);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Collects series; adding the same label set twice merges the samples, the later value winning at equal timestamps. */
    public static final class Builder {
        private final TreeMap<Labels, Samples> series = new TreeMap<>();

        private Builder() {
        }

        /**
         * Adds samples; timestamps must be strictly increasing within one call.
         *
         * @throws IllegalArgumentException when lengths differ or timestamps are not increasing
         */
        public Builder add(Labels labels, long[] timestamps, double[] values) {
            requireNonNull(labels, "labels is null");
            requireNonNull(timestamps, "timestamps is null");
            requireNonNull(values, "values is null");
            if (timestamps.length != values.length) {
                throw new IllegalArgumentException("timestamps and values differ in length for " + labels);
            }
            for (int i = 1; i < timestamps.length; i++) {
                if (timestamps[i] <= timestamps[i - 1]) {
                    throw new IllegalArgumentException("timestamps not strictly increasing for " + labels + " at index " + i);
                }
            }
            Samples old = series.get(labels);
            series.put(labels, old == null ? new Samples(timestamps.clone(), values.clone())
                    : merge(old.timestamps, old.values, timestamps, values));
            return this;
        }

        /** Not on a hot path: loading only. */
        private static Samples merge(long[] t1, double[] v1, long[] t2, double[] v2) {
            TreeMap<Long, Double> m = new TreeMap<>();
            for (int i = 0; i < t1.length; i++) {
                m.put(t1[i], v1[i]);
            }
            for (int i = 0; i < t2.length; i++) {
                m.put(t2[i], v2[i]);
            }
            long[] t = new long[m.size()];
            double[] v = new double[m.size()];
            int i = 0;
            for (var e : m.entrySet()) {
                t[i] = e.getKey();
                v[i] = e.getValue();
                i++;
            }
            return new Samples(t, v);
        }

        /** The queryable over everything added so far (later additions do not change it). */
        public InMemoryQueryable build() {
            return new InMemoryQueryable(series);
        }
    }
}
