package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantileTest {
    private static final double NAN = Double.NaN;

    @Test
    void interpolatesBetweenNeighbouringRanks() {
        assertThat(Quantile.quantile(0.5, new double[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
        assertThat(Quantile.quantile(0, new double[] {4, 1, 3, 2}, 4)).isEqualTo(1.0);
        assertThat(Quantile.quantile(1, new double[] {4, 1, 3, 2}, 4)).isEqualTo(4.0);
        // rank 0.9 × 3 = 2.7: 3 × 0.3 + 4 × 0.7
        assertThat(Quantile.quantile(0.9, new double[] {4, 1, 3, 2}, 4)).isEqualTo(3 * (1 - 0.7000000000000002) + 4 * 0.7000000000000002);
        assertThat(Quantile.quantile(0.3, new double[] {7}, 1)).isEqualTo(7.0);
    }

    @Test
    void outOfRangePhi() {
        double[] vs = {1, 2};
        assertThat(Quantile.quantile(NAN, vs, 2)).isNaN();
        assertThat(Quantile.quantile(-0.1, vs, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Quantile.quantile(1.1, vs, 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Quantile.quantile(0.5, vs, 0)).isNaN();
    }

    @Test
    void nansSortFirst() {
        double[] vs = {3, NAN, 1, NAN, 2};
        assertThat(Quantile.quantile(1, vs, 5)).isEqualTo(3.0);
        assertThat(vs).containsExactly(NAN, NAN, 1, 2, 3);
        assertThat(Quantile.quantile(0, new double[] {NAN, 1}, 2)).isNaN();
    }

    @Test
    void onlyThePrefixIsUsed() {
        double[] vs = {5, 1, 100, -100};
        assertThat(Quantile.quantile(1, vs, 2)).isEqualTo(5.0);
        assertThat(vs[2]).isEqualTo(100.0);
        assertThatThrownBy(() -> Quantile.quantile(0.5, vs, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
