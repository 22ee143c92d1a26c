package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    @Test
    void derivOfALineIsItsSlope() {
        long[] ts = {0, 10_000, 20_000, 30_000};
        double[] vs = {1, 3, 5, 7};
        assertThat(LinearRegression.deriv(ts, vs, 0, 4)).isEqualTo(0.2);
    }

    @Test
    void derivIsIndependentOfAbsoluteTime() {
        long base = 1_700_000_000_000L;
        long[] ts = {base, base + 15_000, base + 30_000};
        double[] vs = {100, 130, 160};
        assertThat(LinearRegression.deriv(ts, vs, 0, 3)).isEqualTo(2.0);
    }

    @Test
    void leastSquaresOfNoisyPoints() {
        // x = 0, 1, 2 s; y = 0, 2, 1: slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = 1/2; intercept at x=0 = 0.5.
        long[] ts = {0, 1_000, 2_000};
        double[] vs = {0, 2, 1};
        assertThat(LinearRegression.deriv(ts, vs, 0, 3)).isEqualTo(0.5);
        // predict_linear at eval time 2 s, 10 s ahead: intercept at t=2 s is 1.5, + 0.5 × 10.
        assertThat(LinearRegression.predictLinear(ts, vs, 0, 3, 2_000, 10)).isEqualTo(6.5);
    }

    @Test
    void constantSeriesHasZeroSlopeAndItsValueAsIntercept() {
        long[] ts = {0, 1_000, 2_000};
        assertThat(LinearRegression.deriv(ts, new double[] {4, 4, 4}, 0, 3)).isEqualTo(0.0);
        assertThat(LinearRegression.predictLinear(ts, new double[] {4, 4, 4}, 0, 3, 5_000, 100)).isEqualTo(4.0);
        assertThat(LinearRegression.deriv(ts, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, 0, 2)).isNaN();
        assertThat(LinearRegression.predictLinear(ts, new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, 0, 2, 0, 1)).isNaN();
    }

    @Test
    void nanIsNeverConstant() {
        long[] ts = {0, 1_000};
        assertThat(LinearRegression.deriv(ts, new double[] {Double.NaN, Double.NaN}, 0, 2)).isNaN();
    }

    @Test
    void needsTwoSamples() {
        assertThatThrownBy(() -> LinearRegression.deriv(new long[] {0}, new double[] {1}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
