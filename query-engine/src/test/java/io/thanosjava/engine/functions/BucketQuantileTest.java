package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BucketQuantileTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final BucketQuantile quantile = new BucketQuantile();

    private double compute(double phi, double[] bounds, double[] counts) {
        return quantile.compute(phi, bounds.clone(), counts.clone(), bounds.length);
    }

    @Test
    void interpolatesInsideTheBucketThatReachesTheRank() {
        double[] bounds = {0.1, 0.5, 1, INF};
        double[] counts = {10, 20, 30, 40};
        // rank 0.5 × 40 = 20 → bucket 0.5 exactly reached: 0.1 + 0.4 × (10/10).
        assertThat(compute(0.5, bounds, counts)).isEqualTo(0.5);
        // rank 0.25 × 40 = 10 → first bucket: 0 + 0.1 × 10/10.
        assertThat(compute(0.25, bounds, counts)).isEqualTo(0.1);
        // rank 0.6 × 40 = 24 → bucket 1: 0.5 + 0.5 × (4/10).
        assertThat(compute(0.6, bounds, counts)).isEqualTo(0.5 + 0.5 * (4.0 / 10));
        assertThat(quantile.forcedMonotonicity()).isFalse();
    }

    @Test
    void rankInTheInfBucketReturnsTheSecondHighestBound() {
        assertThat(compute(0.99, new double[] {1, 2, INF}, new double[] {1, 2, 10})).isEqualTo(2.0);
    }

    @Test
    void firstBucketWithNonPositiveBoundReturnsThatBound() {
        assertThat(compute(0.1, new double[] {-1, 0, INF}, new double[] {5, 8, 10})).isEqualTo(-1.0);
        assertThat(compute(0.1, new double[] {0, 1, INF}, new double[] {5, 8, 10})).isEqualTo(0.0);
    }

    @Test
    void unsortedBucketsAreSortedAndEqualBoundsMerged() {
        double[] bounds = {INF, 1, 0.5, 1};
        double[] counts = {40, 15, 20, 15};
        // merged: (0.5, 20), (1, 30), (+Inf, 40) — rank 25 → 0.5 + 0.5 × 5/10.
        assertThat(compute(0.625, bounds, counts)).isEqualTo(0.75);
    }

    @Test
    void specialCasesGiveNaNOrInfinity() {
        double[] bounds = {1, INF};
        double[] counts = {1, 2};
        assertThat(compute(Double.NaN, bounds, counts)).isNaN();
        assertThat(compute(-0.5, bounds, counts)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(compute(1.5, bounds, counts)).isEqualTo(INF);
        assertThat(compute(0.5, new double[] {1, 2}, counts)).as("no +Inf bucket").isNaN();
        assertThat(compute(0.5, new double[] {INF}, new double[] {3})).as("one bucket").isNaN();
        assertThat(compute(0.5, new double[] {INF, INF}, new double[] {1, 2})).as("merged into one").isNaN();
        assertThat(compute(0.5, bounds, new double[] {0, 0})).as("no observations").isNaN();
        assertThat(quantile.compute(0.5, new double[0], new double[0], 0)).isNaN();
    }

    /** The upstream script's non-monotonic histogram (histograms.test), values at 50m. */
    @Test
    void nonMonotonicBucketsAreFixedAndFlagged() {
        double[] bounds = {0.1, 1, 10, 100, 1000, INF};
        double[] counts = {20, 10, 50, 40, 90, 80};
        assertThat(compute(0.01, bounds, counts)).isEqualTo(0.0045);
        assertThat(quantile.forcedMonotonicity()).isTrue();
        assertThat(compute(0.5, bounds, counts)).isEqualTo(8.5);
        assertThat(quantile.forcedMonotonicity()).isTrue();
        // The script expects 979.75 within its 1e-6 tolerance; Go's arithmetic gives exactly this:
        assertThat(compute(0.99, bounds, counts)).isEqualTo(100 + 900 * ((0.99 * 90 - 50) / 40)).isCloseTo(979.75, within(979.75e-6));
        assertThat(quantile.forcedMonotonicity()).isTrue();
    }

    @Test
    void tinyRelativeDifferencesAreIgnoredSilently() {
        double[] bounds = {1, 2, INF};
        double[] counts = {10, 10 - 1e-12, 20};
        assertThat(compute(0.5, bounds, counts)).isEqualTo(1.0);
        assertThat(quantile.forcedMonotonicity()).isFalse();
        assertThat(quantile.fixedPrecision()).isTrue();
        compute(0.5, bounds, new double[] {10, 10, 20});
        assertThat(quantile.fixedPrecision()).isFalse();
    }

    @Test
    void almostEqualMatchesPrometheusTolerance() {
        assertThat(BucketQuantile.almostEqual(1, 1 + 1e-13, 1e-12)).isTrue();
        assertThat(BucketQuantile.almostEqual(1, 1 + 1e-11, 1e-12)).isFalse();
        assertThat(BucketQuantile.almostEqual(0, 1e-300, 1e-12)).isFalse();
        assertThat(BucketQuantile.almostEqual(Double.NaN, Double.NaN, 1e-12)).isTrue();
    }
}
