package io.thanosjava.engine.functions;

import java.util.Arrays;

/**
 * Prometheus' sample quantile, used by the {@code quantile} aggregation, {@code quantile_over_time}
 * and {@code mad_over_time}.
 */
public final class Quantile {
    private Quantile() {
    }

    /**
     * The φ-quantile of {@code values[0..n)}, which this method sorts in place (NaNs first, as
     * Prometheus orders them). Rules: no values or φ NaN → NaN; φ &lt; 0 → −Inf; φ &gt; 1 → +Inf;
     * otherwise {@code rank = φ·(n−1)} and linear interpolation between the two neighbouring ranks:
     * {@code v[lo]·(1−w) + v[hi]·w}.
     */
    public static double quantile(double phi, double[] values, int n) {
        if (n < 0 || n > values.length) {
            throw new IllegalArgumentException("value count " + n + " outside 0.." + values.length);
        }
        if (n == 0 || Double.isNaN(phi)) {
            return Double.NaN;
        }
        if (phi < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (phi > 1) {
            return Double.POSITIVE_INFINITY;
        }
        sortNaNFirst(values, n);
        double count = n;
        double rank = phi * (count - 1);
        double lowerIndex = Math.max(0, Math.floor(rank));
        double upperIndex = Math.min(count - 1, lowerIndex + 1);
        double weight = rank - Math.floor(rank);
        return values[(int) lowerIndex] * (1 - weight) + values[(int) upperIndex] * weight;
    }

    /** Sorts ascending with every NaN moved to the front (Java's own order puts them last). */
    static void sortNaNFirst(double[] values, int n) {
        int nans = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                values[i] = values[nans];
                values[nans++] = v;
            }
        }
        Arrays.sort(values, nans, n);
    }
}
