package io.thanosjava.engine.functions;

/**
 * {@code histogram_quantile(φ, v)} over one group of classic {@code le} buckets, as Prometheus
 * 3.x's {@code BucketQuantile}. Reusable and not thread-safe: after {@link #compute} the two
 * annotation flags describe the last computation.
 *
 * <p>Algorithm: φ NaN → NaN, φ &lt; 0 → −Inf, φ &gt; 1 → +Inf (the caller warns for φ outside
 * [0, 1]); sort buckets by upper bound; no +Inf bucket → NaN; merge equal bounds by adding
 * counts; walking upwards, a count within a relative 1e-12 of the last accepted one is set equal
 * to it ({@link #fixedPrecision()}, silent), any other decrease is raised to the last accepted
 * count ({@link #forcedMonotonicity()}: the caller emits the info annotation
 * {@code input to histogram_quantile needed to be fixed for monotonicity}); fewer than two
 * buckets or a zero total → NaN; otherwise find the first bucket whose count reaches
 * {@code rank = φ × total}: in the +Inf bucket the answer is the second-highest bound, in a
 * first bucket with bound ≤ 0 that bound, else linear interpolation inside the bucket (lower
 * bound 0 for the first bucket).
 */
public final class BucketQuantile {
    private static final double SMALL_DELTA_TOLERANCE = 1e-12;

    private boolean forcedMonotonicity;
    private boolean fixedPrecision;

    /**
     * Computes the quantile of the {@code n} buckets {@code (upperBounds[i], counts[i])}. Both
     * arrays are reordered and overwritten in their first {@code n} slots.
     */
    public double compute(double phi, double[] upperBounds, double[] counts, int n) {
        if (n < 0 || n > upperBounds.length || n > counts.length) {
            throw new IllegalArgumentException("bucket count " + n + " exceeds the arrays");
        }
        forcedMonotonicity = false;
        fixedPrecision = false;
        if (Double.isNaN(phi)) {
            return Double.NaN;
        }
        if (phi < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (phi > 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (n == 0) {
            return Double.NaN;
        }
        sortByUpperBound(upperBounds, counts, n);
        if (upperBounds[n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        n = coalesce(upperBounds, counts, n);
        makeMonotonic(counts, n);
        if (n < 2) {
            return Double.NaN;
        }
        double observations = counts[n - 1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = phi * observations;
        int b = firstReaching(counts, n - 1, rank);
        if (b == n - 1) {
            return upperBounds[n - 2];
        }
        if (b == 0 && upperBounds[0] <= 0) {
            return upperBounds[0];
        }
        double bucketStart = 0;
        double bucketEnd = upperBounds[b];
        double count = counts[b];
        if (b > 0) {
            bucketStart = upperBounds[b - 1];
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }

    /** Whether the last computation had to raise a decreasing count (info annotation). */
    public boolean forcedMonotonicity() {
        return forcedMonotonicity;
    }

    /** Whether the last computation ignored a difference below the 1e-12 relative tolerance. */
    public boolean fixedPrecision() {
        return fixedPrecision;
    }

    private void makeMonotonic(double[] counts, int n) {
        double prev = counts[0];
        for (int i = 1; i < n; i++) {
            double curr = counts[i];
            if (curr == prev) {
                continue;
            }
            if (almostEqual(prev, curr, SMALL_DELTA_TOLERANCE)) {
                counts[i] = prev;
                fixedPrecision = true;
                continue;
            }
            if (curr < prev) {
                counts[i] = prev;
                forcedMonotonicity = true;
                continue;
            }
            prev = curr;
        }
    }

    /**
     * Prometheus' {@code almost.Equal}: both NaN, equal, or a difference below epsilon relative to
     * the sum of magnitudes (absolute, scaled by the smallest normal, near zero).
     */
    static boolean almostEqual(double a, double b, double epsilon) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
            return diff < epsilon * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
    }

    /** Go's {@code sort.Search(limit, counts[i] >= rank)}: the first such index, or limit. */
    private static int firstReaching(double[] counts, int limit, double rank) {
        int lo = 0;
        int hi = limit;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (!(counts[mid] >= rank)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Merges adjacent buckets with equal bounds (input sorted, n ≥ 1); returns the new count. */
    static int coalesce(double[] bounds, double[] counts, int n) {
        int out = 0;
        for (int i = 1; i < n; i++) {
            if (bounds[i] == bounds[out]) {
                counts[out] += counts[i];
            } else {
                out++;
                bounds[out] = bounds[i];
                counts[out] = counts[i];
            }
        }
        return out + 1;
    }

    /** Insertion sort on the parallel arrays: bucket lists are short and usually nearly sorted. */
    static void sortByUpperBound(double[] bounds, double[] counts, int n) {
        for (int i = 1; i < n; i++) {
            double bound = bounds[i];
            double count = counts[i];
            int j = i - 1;
            while (j >= 0 && bounds[j] > bound) {
                bounds[j + 1] = bounds[j];
                counts[j + 1] = counts[j];
                j--;
            }
            bounds[j + 1] = bound;
            counts[j + 1] = count;
        }
    }
}
