package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccumulatorsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void kahanSumRecoversCancelledLowOrderParts() {
        KahanSum sum = new KahanSum();
        sum.add(1e100);
        sum.add(1);
        sum.add(-1e100);
        assertThat(sum.value()).isEqualTo(1.0);
        sum.first(0.1);
        for (int i = 1; i < 10; i++) {
            sum.add(0.1);
        }
        assertThat(sum.value()).isEqualTo(1.0);
    }

    @Test
    void kahanCompensationResetsOnInfinity() {
        assertThat(KahanSum.compensation(INF, 1, INF, 0.5)).isEqualTo(0.0);
        KahanSum sum = new KahanSum();
        sum.add(INF);
        sum.add(1);
        assertThat(sum.value()).isEqualTo(INF);
        sum.add(-INF);
        assertThat(sum.value()).isNaN();
    }

    @Test
    void kahanCompensationTakesTheLostPartFromTheSmallerOperand() {
        // 1 + 2^-60: t = 1, lost part 2^-60 comes from inc (|sum| ≥ |inc|).
        double tiny = Math.scalb(1.0, -60);
        assertThat(KahanSum.compensation(tiny, 1, 1 + tiny, 0)).isEqualTo(tiny);
        // tiny sum, big increment: the lost part comes from sum.
        assertThat(KahanSum.compensation(1, tiny, 1 + tiny, 0)).isEqualTo(tiny);
    }

    @Test
    void avgAggregationDividesTheCompensatedSum() {
        AvgAccumulator avg = new AvgAccumulator();
        avg.first(1e100);
        avg.add(1);
        avg.add(-1e100);
        assertThat(avg.value()).isEqualTo(1.0 / 3);
        assertThat(avg.count()).isEqualTo(3.0);
        avg.first(2);
        assertThat(avg.value()).isEqualTo(2.0);
    }

    @Test
    void avgAggregationOverflowsIntoTheIncrementalMean() {
        double max = Double.MAX_VALUE;
        AvgAccumulator avg = new AvgAccumulator();
        avg.first(max);
        avg.add(max);
        // mean = MAX after the switch; + (MAX/2 − MAX/2) = MAX.
        assertThat(avg.value()).isEqualTo(max);
        avg.add(-max);
        // mean + (−MAX/3 − MAX/3).
        assertThat(avg.value()).isEqualTo(max + (-max / 3 - max / 3));
    }

    @Test
    void avgAggregationKeepsAnInfiniteMean() {
        AvgAccumulator avg = new AvgAccumulator();
        avg.first(INF);
        avg.add(5);
        avg.add(INF);
        assertThat(avg.value()).isEqualTo(INF);
        avg.add(-INF);
        assertThat(avg.value()).isNaN();
        avg.first(1);
        avg.add(Double.NaN);
        assertThat(avg.value()).isNaN();
    }

    private static double avgOf(double... values) {
        AvgAccumulator avg = new AvgAccumulator();
        avg.first(values[0]);
        for (int i = 1; i < values.length; i++) {
            avg.add(values[i]);
        }
        return avg.value();
    }

    /** Cases of the upstream aggregators.test script, inputs in the series' label order. */
    @Test
    void avgAggregationUpstreamCases() {
        double big = 9.988465674311579e+307;
        assertThat(avgOf(2, 8, 1e100, -1e100)).isEqualTo(2.5);
        assertThat(avgOf(big, big, big, big)).isEqualTo(big);
        assertThat(avgOf(-big, -big, -big, -big)).isEqualTo(-big);
        assertThat(avgOf(-big, -big, big, big)).isEqualTo(0.0);
        assertThat(avgOf(-INF, 0, INF)).isNaN();
        assertThat(avgOf(52, 52, 52, 52, 52, 52, 52, 52, 52, 52, 52, 52)).isEqualTo(52.0);
        assertThat(avgOf(52, 52, 52, 52, 52, 52, 52, 52)).isEqualTo(52.0);
    }

    @Test
    void varianceAggregation() {
        VarianceAccumulator v = new VarianceAccumulator();
        v.first(2);
        for (double x : new double[] {4, 4, 4, 5, 5, 7, 9}) {
            v.add(x);
        }
        assertThat(v.stdvar()).isEqualTo(4.0);
        assertThat(v.stddev()).isEqualTo(2.0);
        assertThat(v.value()).isEqualTo(v.stdvar()).isEqualTo(4.0);
        v.first(3);
        assertThat(v.stdvar()).isEqualTo(0.0);
    }

    /** aggregators.test: http_requests at 50m is 100, 200, … 800; and three equal accumulated 1.33 steps. */
    @Test
    void varianceAggregationUpstreamCases() {
        VarianceAccumulator v = new VarianceAccumulator();
        v.first(100);
        for (int i = 2; i <= 8; i++) {
            v.add(100 * i);
        }
        assertThat(v.stdvar()).isEqualTo(52500.0);
        assertThat(v.stddev()).isCloseTo(229.12878474779, within(229.12878474779e-6));
        double value = 0;
        for (int i = 0; i < 10; i++) {
            value += 1.33;
        }
        v.first(value);
        v.add(value);
        v.add(value);
        assertThat(v.stdvar()).isEqualTo(0.0);
    }

    @Test
    void varianceAggregationIsNaNWhenTheFirstValueIsNotFinite() {
        VarianceAccumulator v = new VarianceAccumulator();
        v.first(INF);
        assertThat(v.stddev()).isNaN();
        v.first(Double.NaN);
        v.add(1);
        assertThat(v.stdvar()).isNaN();
    }
}
