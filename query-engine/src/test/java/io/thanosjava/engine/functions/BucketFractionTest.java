package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BucketFractionTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** 10 observations in (0, 1], 10 in (1, 2], none above. */
    private static double fraction(double lower, double upper) {
        return BucketFraction.fraction(lower, upper, new double[] {1, 2, INF}, new double[] {10, 20, 20}, 3);
    }

    @Test
    void interpolatesLinearlyInsideBuckets() {
        assertThat(fraction(0, 1)).isEqualTo(0.5);
        assertThat(fraction(0.5, 1.5)).isEqualTo(0.5);
        assertThat(fraction(0, 0.25)).isEqualTo(0.125);
        assertThat(fraction(Double.NEGATIVE_INFINITY, INF)).isEqualTo(1.0);
    }

    @Test
    void theInfiniteBucketContributesNothingBelowALimitInsideIt() {
        assertThat(fraction(1, 3)).isEqualTo(0.5);
        assertThat(fraction(3, INF)).isEqualTo(0.0);
    }

    @Test
    void emptyOrInvertedRangesAndNaNLimits() {
        assertThat(fraction(2, 1)).isZero();
        assertThat(fraction(1, 1)).isZero();
        assertThat(fraction(Double.NaN, 1)).isNaN();
        assertThat(fraction(0, Double.NaN)).isNaN();
    }

    @Test
    void needsAnInfBucketAndObservations() {
        assertThat(BucketFraction.fraction(0, 1, new double[] {1, 2}, new double[] {1, 2}, 2)).isNaN();
        assertThat(BucketFraction.fraction(0, 1, new double[] {1, INF}, new double[] {0, 0}, 2)).isNaN();
    }

    @Test
    void sortsAndMergesBucketsWithEqualBounds() {
        double[] bounds = {INF, 1, 2, 1};
        double[] counts = {20, 4, 20, 6};
        assertThat(BucketFraction.fraction(0, 1, bounds, counts, 4)).isEqualTo(0.5);
    }

    @Test
    void firstBucketWithANonPositiveBoundStartsAtMinusInfinity() {
        // (-Inf, -1] holds 4, (-1, 1] holds 4: from -Inf everything up to 0 is 4 + 2 of 8.
        assertThat(BucketFraction.fraction(Double.NEGATIVE_INFINITY, 0,
                new double[] {-1, 1, INF}, new double[] {4, 8, 8}, 3)).isEqualTo(0.75);
        // A limit inside the infinitely wide first bucket counts none of its observations.
        assertThat(BucketFraction.fraction(-2, 0, new double[] {-1, 1, INF}, new double[] {4, 8, 8}, 3)).isEqualTo(0.25);
    }

    @Test
    void rejectsAnEmptyGroup() {
        assertThatThrownBy(() -> BucketFraction.fraction(0, 1, new double[1], new double[1], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
