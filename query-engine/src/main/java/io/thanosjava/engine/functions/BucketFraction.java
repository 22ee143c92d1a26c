package io.thanosjava.engine.functions;

/**
 * {@code histogram_fraction(lower, upper, v)} over one group of classic {@code le} buckets, as
 * Prometheus 3.x's {@code BucketFraction}: the estimated share of observations between
 * {@code lower} and {@code upper}.
 *
 * <p>Algorithm: sort buckets by upper bound; no +Inf bucket → NaN; merge equal bounds by adding
 * counts; a zero total or a NaN limit → NaN; {@code lower ≥ upper} → 0; otherwise the ranks of
 * both limits are interpolated linearly inside the bucket holding them (the first bucket starts at
 * 0 when its bound is positive, at −Inf otherwise), a bucket of infinite width contributing none
 * of its observations, and the result is {@code (upperRank − lowerRank) / total}.
 */
public final class BucketFraction {
    private BucketFraction() {
    }

    /**
     * The fraction of the {@code n ≥ 1} buckets {@code (upperBounds[i], counts[i])} lying in
     * [lower, upper]. Both arrays are reordered and overwritten in their first {@code n} slots.
     */
    public static double fraction(double lower, double upper, double[] upperBounds, double[] counts, int n) {
        if (n < 1 || n > upperBounds.length || n > counts.length) {
            throw new IllegalArgumentException("bucket count " + n + " outside 1.." + Math.min(upperBounds.length, counts.length));
        }
        BucketQuantile.sortByUpperBound(upperBounds, counts, n);
        if (upperBounds[n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        int m = BucketQuantile.coalesce(upperBounds, counts, n);
        double total = counts[m - 1];
        if (total == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (lower >= upper) {
            return 0;
        }
        double rank = 0;
        double lowerRank = total;
        double upperRank = total;
        boolean lowerSet = false;
        boolean upperSet = false;
        for (int i = 0; i < m && !(lowerSet && upperSet); i++) {
            double bucketStart = i > 0 ? upperBounds[i - 1] : upperBounds[0] > 0 ? 0 : Double.NEGATIVE_INFINITY;
            double bucketEnd = upperBounds[i];
            if (!lowerSet && bucketStart >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && bucketStart >= upper) {
                upperRank = rank;
                upperSet = true;
            }
            if (!lowerSet && bucketStart < lower && bucketEnd > lower) {
                lowerRank = rankInside(rank, counts[i], bucketStart, bucketEnd, lower);
                lowerSet = true;
            }
            if (!upperSet && bucketStart < upper && bucketEnd > upper) {
                upperRank = rankInside(rank, counts[i], bucketStart, bucketEnd, upper);
                upperSet = true;
            }
            rank = counts[i];
        }
        return (Math.min(upperRank, total) - Math.min(lowerRank, total)) / total;
    }

    /**
     * Rank of {@code v} inside a bucket, linear between its bounds. A bucket of infinite width is not
     * interpolated into: none of its observations count as lying between {@code v} and its finite bound.
     */
    private static double rankInside(double rankBelow, double cumulative, double start, double end, double v) {
        if (start == Double.NEGATIVE_INFINITY) {
            return cumulative;
        }
        if (end == Double.POSITIVE_INFINITY) {
            return rankBelow;
        }
        return rankBelow + (cumulative - rankBelow) * (v - start) / (end - start);
    }
}
