package io.thanosjava.engine.eval;

import java.util.Arrays;

/** Prometheus' quantile over a list of floats (linear interpolation between closest ranks). */
final class Quantiles {
    private Quantiles() {
    }

    /** φ-quantile of {@code values[0, n)}; sorts that prefix in place (NaNs first, like Go's sort.Float64s). */
    static double quantile(double phi, double[] values, int n) {
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
        double rank = phi * (n - 1);
        int lo = Math.max(0, (int) Math.floor(rank));
        int hi = Math.min(n - 1, lo + 1);
        double w = rank - Math.floor(rank);
        return values[lo] * (1 - w) + values[hi] * w;
    }

    /** Java sorts NaN last; Go's sort.Float64s puts NaN first. */
    static void sortNaNFirst(double[] values, int n) {
        Arrays.sort(values, 0, n);
        int nan = 0;
        while (nan < n && Double.isNaN(values[n - 1 - nan])) {
            nan++;
        }
        if (nan > 0 && nan < n) {
            System.arraycopy(values, 0, values, nan, n - nan);
            Arrays.fill(values, 0, nan, Double.NaN);
        }
    }
}
