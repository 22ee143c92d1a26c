package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OverTimeTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void sumIsCompensated() {
        double[] vs = {1e100, 1, -1e100};
        assertThat(OverTime.sum(vs, 0, 3)).isEqualTo(1.0);
        assertThat(OverTime.sum(new double[] {0.1, 0.2, 0.3}, 0, 3)).isEqualTo(0.6);
    }

    @Test
    void sumKeepsInfinityAndNaN() {
        assertThat(OverTime.sum(new double[] {1, INF, 2}, 0, 3)).isEqualTo(INF);
        assertThat(OverTime.sum(new double[] {INF, -INF}, 0, 2)).isNaN();
        assertThat(OverTime.sum(new double[] {1, NAN}, 0, 2)).isNaN();
    }

    @Test
    void avgDividesTheCompensatedSum() {
        assertThat(OverTime.avg(new double[] {1, 2, 3, 4}, 0, 4)).isEqualTo(2.5);
        assertThat(OverTime.avg(new double[] {1e100, 1, -1e100}, 0, 3)).isEqualTo(1.0 / 3);
        assertThat(OverTime.avg(new double[] {7}, 0, 1)).isEqualTo(7.0);
    }

    @Test
    void avgSwitchesToIncrementalMeanOnOverflow() {
        double max = Double.MAX_VALUE;
        // MAX + MAX overflows: mean = MAX, then incremental: MAX·1/2 + MAX/2 = MAX.
        assertThat(OverTime.avg(new double[] {max, max}, 0, 2)).isEqualTo(max);
        // then + (−MAX)/3 on mean·2/3: MAX·2/3 − MAX/3 = MAX/3 (up to rounding of the thirds).
        double q = 2.0 / 3;
        double expected = q * max + (-max / 3);
        assertThat(OverTime.avg(new double[] {max, max, -max}, 0, 3)).isEqualTo(expected);
    }

    @Test
    void avgOfInfinitiesAndNaN() {
        assertThat(OverTime.avg(new double[] {INF, 1}, 0, 2)).isEqualTo(INF);
        assertThat(OverTime.avg(new double[] {INF, -INF}, 0, 2)).isNaN();
        assertThat(OverTime.avg(new double[] {1, NAN, 2}, 0, 3)).isNaN();
    }

    @Test
    void minAndMaxPreferNumbersOverNaN() {
        double[] vs = {NAN, 3, -1, NAN, 7};
        assertThat(OverTime.min(vs, 0, 5)).isEqualTo(-1.0);
        assertThat(OverTime.max(vs, 0, 5)).isEqualTo(7.0);
        assertThat(OverTime.min(new double[] {NAN, NAN}, 0, 2)).isNaN();
        assertThat(OverTime.max(new double[] {-INF, -5}, 0, 2)).isEqualTo(-5.0);
    }

    @Test
    void timestampOfExtremesTakesTheLastTie() {
        long[] ts = {1_000, 2_000, 3_000, 4_500};
        double[] vs = {5, 1, 5, 1};
        assertThat(OverTime.timestampOfMax(ts, vs, 0, 4)).isEqualTo(3.0);
        assertThat(OverTime.timestampOfMin(ts, vs, 0, 4)).isEqualTo(4.5);
        assertThat(OverTime.timestampOfFirst(ts, 1, 4)).isEqualTo(2.0);
        assertThat(OverTime.timestampOfLast(ts, 0, 4)).isEqualTo(4.5);
        // A NaN maximum gives way to the next sample; a later NaN never wins against a number.
        assertThat(OverTime.timestampOfMax(ts, new double[] {NAN, NAN, 1, NAN}, 0, 4)).isEqualTo(3.0);
    }

    @Test
    void countLastFirstPresent() {
        double[] vs = {4, 5, 6};
        assertThat(OverTime.count(0, 3)).isEqualTo(3.0);
        assertThat(OverTime.last(vs, 0, 2)).isEqualTo(5.0);
        assertThat(OverTime.first(vs, 1, 3)).isEqualTo(5.0);
        assertThat(OverTime.present(2, 3)).isEqualTo(1.0);
    }

    @Test
    void varianceIsThePopulationVariance() {
        double[] vs = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(OverTime.stdvar(vs, 0, 8)).isEqualTo(4.0);
        assertThat(OverTime.stddev(vs, 0, 8)).isEqualTo(2.0);
        assertThat(OverTime.stdvar(new double[] {3}, 0, 1)).isEqualTo(0.0);
        assertThat(OverTime.stdvar(new double[] {1, NAN}, 0, 2)).isNaN();
        assertThat(OverTime.stdvar(new double[] {INF, 1}, 0, 2)).isNaN();
    }

    @Test
    void quantileOverTimeLeavesTheInputAlone() {
        double[] vs = {9, 1, 5, 3};
        double[] scratch = new double[4];
        assertThat(OverTime.quantile(0.5, vs, 0, 4, scratch)).isEqualTo(4.0);
        assertThat(OverTime.quantile(0.75, vs, 0, 4, scratch)).isEqualTo(6.0);
        assertThat(vs).containsExactly(9, 1, 5, 3);
        assertThat(OverTime.quantile(-1, vs, 0, 4, scratch)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void madOverTime() {
        // Same data as the upstream script: metric 4 6 2 1 999 1 2 → median 2, deviations 2 4 0 1 997 1 0 → 1.
        double[] vs = {4, 6, 2, 1, 999, 1, 2};
        assertThat(OverTime.medianAbsoluteDeviation(vs, 0, 7, new double[7])).isEqualTo(1.0);
        // 3.9.1 sorts NaN first: median of [NaN, 1, 2] is 1, deviations [NaN, 0, 1] → 0.
        assertThat(OverTime.medianAbsoluteDeviation(new double[] {NAN, 1, 2}, 0, 3, new double[3])).isEqualTo(0.0);
    }

    @Test
    void resetsAndChanges() {
        double[] vs = {1, 2, 1, 1, 5, 0, NAN, NAN, 3};
        assertThat(OverTime.resets(vs, 0, 9)).isEqualTo(2.0);
        // changes: 1→2, 2→1, 1→5, 5→0, 0→NaN, NaN→3 = 6 (NaN→NaN is no change).
        assertThat(OverTime.changes(vs, 0, 9)).isEqualTo(6.0);
        assertThat(OverTime.resets(vs, 3, 4)).isEqualTo(0.0);
        assertThat(OverTime.changes(vs, 3, 4)).isEqualTo(0.0);
    }

    @Test
    void emptyWindowsAreRejected() {
        double[] vs = {1, 2};
        assertThatThrownBy(() -> OverTime.sum(vs, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OverTime.count(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OverTime.max(vs, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OverTime.timestampOfLast(new long[1], 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
