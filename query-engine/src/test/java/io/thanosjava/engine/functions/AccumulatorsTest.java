package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccumulatorsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void kahanSumRecoversCancelledLowOrderParts() {
        KahanSum sum = new KahanSum(1);
        sum.add(0, 1e100);
        sum.add(0, 1);
        sum.add(0, -1e100);
        assertThat(sum.value(0)).isEqualTo(1.0);
        sum.first(0, 0.1);
        for (int i = 1; i < 10; i++) {
            sum.add(0, 0.1);
        }
        assertThat(sum.value(0)).isEqualTo(1.0);
    }

    @Test
    void eachStepIsFoldedOnItsOwn() {
        KahanSum sum = new KahanSum(2);
        sum.first(0, 1e100);
        sum.first(1, 0.5);
        sum.add(0, 1);
        sum.add(1, 0.25);
        sum.add(0, -1e100);
        assertThat(sum.value(0)).isEqualTo(1.0);
        assertThat(sum.value(1)).isEqualTo(0.75);
        AvgAccumulator avg = new AvgAccumulator(2);
        avg.first(0, Double.MAX_VALUE);
        avg.first(1, 3);
        avg.add(0, Double.MAX_VALUE);
        avg.add(1, 5);
        assertThat(avg.value(0)).isEqualTo(Double.MAX_VALUE);
        assertThat(avg.value(1)).isEqualTo(4.0);
        assertThat(avg.count(1)).isEqualTo(2.0);
        VarianceAccumulator v = new VarianceAccumulator(2);
        v.first(0, Double.NaN);
        v.first(1, 1);
        v.add(1, 3);
        assertThat(v.stdvar(0)).isNaN();
        assertThat(v.stdvar(1)).isEqualTo(1.0);
    }

    @Test
    void kahanSumCanAccumulateInTheCallersArray() {
        double[] out = new double[2];
        KahanSum sum = new KahanSum(out);
        sum.first(1, 1e100);
        sum.add(1, 1);
        sum.add(1, -1e100);
        assertThat(out[1]).isEqualTo(0.0);
        assertThat(sum.value(1)).isEqualTo(1.0);
    }

    @Test
    void kahanCompensationResetsOnInfinity() {
        assertThat(KahanSum.compensation(INF, 1, INF, 0.5)).isEqualTo(0.0);
        KahanSum sum = new KahanSum(1);
        sum.add(0, INF);
        sum.add(0, 1);
        assertThat(sum.value(0)).isEqualTo(INF);
        sum.add(0, -INF);
        assertThat(sum.value(0)).isNaN();
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
        AvgAccumulator avg = new AvgAccumulator(1);
        avg.first(0, 1e100);
        avg.add(0, 1);
        avg.add(0, -1e100);
        assertThat(avg.value(0)).isEqualTo(1.0 / 3);
        assertThat(avg.count(0)).isEqualTo(3.0);
        avg.first(0, 2);
        assertThat(avg.value(0)).isEqualTo(2.0);
    }

    @Test
    void avgAggregationOverflowsIntoTheIncrementalMean() {
        double max = Double.MAX_VALUE;
        AvgAccumulator avg = new AvgAccumulator(1);
        avg.first(0, max);
        avg.add(0, max);
        // mean = MAX after the switch; + (MAX/2 − MAX/2) = MAX.
        assertThat(avg.value(0)).isEqualTo(max);
        avg.add(0, -max);
        // mean + (−MAX/3 − MAX/3).
        assertThat(avg.value(0)).isEqualTo(max + (-max / 3 - max / 3));
    }

    @Test
    void avgAggregationKeepsAnInfiniteMean() {
        AvgAccumulator avg = new AvgAccumulator(1);
        avg.first(0, INF);
        avg.add(0, 5);
        avg.add(0, INF);
        assertThat(avg.value(0)).isEqualTo(INF);
        avg.add(0, -INF);
        assertThat(avg.value(0)).isNaN();
        avg.first(0, 1);
        avg.add(0, Double.NaN);
        assertThat(avg.value(0)).isNaN();
    }

    private static double avgOf(double... values) {
        AvgAccumulator avg = new AvgAccumulator(1);
        avg.first(0, values[0]);
        for (int i = 1; i < values.length; i++) {
            avg.add(0, values[i]);
        }
        return avg.value(0);
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
        VarianceAccumulator v = new VarianceAccumulator(1);
        v.first(0, 2);
        for (double x : new double[] {4, 4, 4, 5, 5, 7, 9}) {
            v.add(0, x);
        }
        assertThat(v.stdvar(0)).isEqualTo(4.0);
        assertThat(v.stddev(0)).isEqualTo(2.0);
        assertThat(v.value(0)).isEqualTo(v.stdvar(0)).isEqualTo(4.0);
        v.first(0, 3);
        assertThat(v.stdvar(0)).isEqualTo(0.0);
    }

    /** aggregators.test: http_requests at 50m is 100, 200, … 800; and three equal accumulated 1.33 steps. */
    @Test
    void varianceAggregationUpstreamCases() {
        VarianceAccumulator v = new VarianceAccumulator(1);
        v.first(0, 100);
        for (int i = 2; i <= 8; i++) {
            v.add(0, 100 * i);
        }
        assertThat(v.stdvar(0)).isEqualTo(52500.0);
        assertThat(v.stddev(0)).isCloseTo(229.12878474779, within(229.12878474779e-6));
        double value = 0;
        for (int i = 0; i < 10; i++) {
            value += 1.33;
        }
        v.first(0, value);
        v.add(0, value);
        v.add(0, value);
        assertThat(v.stdvar(0)).isEqualTo(0.0);
    }

    @Test
    void varianceAggregationIsNaNWhenTheFirstValueIsNotFinite() {
        VarianceAccumulator v = new VarianceAccumulator(1);
        v.first(0, INF);
        assertThat(v.stddev(0)).isNaN();
        v.first(0, Double.NaN);
        v.add(0, 1);
        assertThat(v.stdvar(0)).isNaN();
    }
}
