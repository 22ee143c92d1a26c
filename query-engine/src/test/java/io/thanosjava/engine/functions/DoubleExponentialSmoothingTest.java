package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DoubleExponentialSmoothingTest {

    @Test
    void aLinearSeriesIsReproducedExactly() {
        double[] vs = {0, 10, 20, 30, 40, 50, 60};
        assertThat(DoubleExponentialSmoothing.smooth(vs, 0, 7, 0.01, 0.1)).isEqualTo(60.0);
    }

    @Test
    void handComputedSteps() {
        double sf = 0.5;
        double tf = 0.5;
        double[] vs = {1, 3, 4};
        // s=1, b=2; i=1: s = 0.5·3 + 0.5·(1+2) = 3; i=2: b = 0.5·(3−1) + 0.5·2 = 2, s = 0.5·4 + 0.5·(3+2) = 4.5.
        assertThat(DoubleExponentialSmoothing.smooth(vs, 0, 3, sf, tf)).isEqualTo(4.5);
        assertThat(DoubleExponentialSmoothing.smooth(vs, 0, 2, sf, tf)).isEqualTo(3.0);
    }

    @Test
    void factorsMustLieStrictlyBetweenZeroAndOne() {
        assertThatThrownBy(() -> DoubleExponentialSmoothing.validateFactors(1, 0.5))
                .isInstanceOf(InvalidFunctionArgumentException.class)
                .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000");
        assertThatThrownBy(() -> DoubleExponentialSmoothing.validateFactors(0.5, 0))
                .hasMessage("invalid trend factor. Expected: 0 < tf < 1, got: 0.000000");
        assertThatThrownBy(() -> DoubleExponentialSmoothing.validateFactors(-0.25, 2))
                .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: -0.250000");
        assertThatCode(() -> DoubleExponentialSmoothing.validateFactors(0.01, 0.99)).doesNotThrowAnyException();
        // Prometheus' comparisons let NaN through.
        assertThatCode(() -> DoubleExponentialSmoothing.validateFactors(Double.NaN, Double.NaN)).doesNotThrowAnyException();
    }

    @Test
    void needsTwoSamples() {
        assertThatThrownBy(() -> DoubleExponentialSmoothing.smooth(new double[] {1}, 0, 1, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
