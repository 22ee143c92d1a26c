package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatesTest {

    // A counter scraped every 15 s inside the window (0 s, 60 s]: 15, 30, 45, 60 s.
    private static final long[] TS = {15_000, 30_000, 45_000, 60_000};

    @Test
    void rateOfASteadyCounterCoveringTheWholeWindowExtrapolatesToBothEdges() {
        double[] vs = {10, 20, 30, 40};
        // increase 30 over 45 s sampled; start gap 15 s < 1.1 × 15 s: extrapolate fully; zero point
        // 45 × 10/30 = 15 s does not cap; end gap 0. factor = (45 + 15 + 0) / 45.
        double increase = Rates.extrapolatedRate(TS, vs, 0, 4, 0, 60_000, true, false);
        assertThat(increase).isEqualTo(30 * ((45.0 + 15 + 0) / 45));
        assertThat(Rates.extrapolatedRate(TS, vs, 0, 4, 0, 60_000, true, true))
                .isEqualTo(30 * ((45.0 + 15 + 0) / 45 / 60));
    }

    @Test
    void counterStartingAtZeroIsNotExtrapolatedBelowZero() {
        double[] vs = {0, 10, 20, 30};
        // durationToZero = 45 × 0/30 = 0 caps the 15 s start gap.
        assertThat(Rates.extrapolatedRate(TS, vs, 0, 4, 0, 60_000, true, false)).isEqualTo(30.0);
    }

    @Test
    void zeroPointCapAppliesAfterTheHalfIntervalRuleAsIn3x() {
        // Series starts late: first sample 40 s after the window start, avg interval 10 s.
        long[] ts = {40_000, 50_000, 60_000};
        double[] vs = {3, 13, 23};
        // start gap 40 ≥ 11 → 5 s; zero point 20 × 3/20 = 3 s < 5 s → 3 s; end gap 0.
        double expected = 20 * ((20.0 + 3 + 0) / 20);
        assertThat(Rates.extrapolatedRate(ts, vs, 0, 3, 0, 60_000, true, false)).isEqualTo(expected);
    }

    @Test
    void counterResetsAddTheValueBeforeTheDrop() {
        double[] vs = {10, 20, 5, 15};
        // raw 15 - 10 = 5, plus 20 at the reset = 25; zero point 45 × 10/25 = 18 > 15: no cap.
        double expected = 25 * ((45.0 + 15 + 0) / 45);
        assertThat(Rates.extrapolatedRate(TS, vs, 0, 4, 0, 60_000, true, false)).isEqualTo(expected);
    }

    @Test
    void deltaIgnoresDecreasesAndDoesNotCapAtZero() {
        double[] vs = {10, 20, 5, 15};
        assertThat(Rates.extrapolatedRate(TS, vs, 0, 4, 0, 60_000, false, false)).isEqualTo(5 * ((45.0 + 15 + 0) / 45));
        double[] falling = {0, -10, -20, -30};
        assertThat(Rates.extrapolatedRate(TS, falling, 0, 4, 0, 60_000, false, false)).isEqualTo(-30 * (60.0 / 45));
    }

    @Test
    void endGapBeyondThresholdExtrapolatesHalfAnInterval() {
        long[] ts = {10_000, 20_000, 30_000};
        double[] vs = {1, 2, 3};
        // window (0, 60 s]: start gap 10 < 11 full, end gap 30 ≥ 11 → 5; delta = 2 × (20 + 10 + 5) / 20.
        assertThat(Rates.extrapolatedRate(ts, vs, 0, 3, 0, 60_000, false, false)).isEqualTo(2 * (35.0 / 20));
    }

    @Test
    void windowOffsetInsideLargerArraysIsRespected() {
        long[] ts = {0, 15_000, 30_000, 45_000, 60_000, 75_000};
        double[] vs = {999, 10, 20, 30, 40, -5};
        assertThat(Rates.extrapolatedRate(ts, vs, 1, 5, 0, 60_000, true, false))
                .isEqualTo(Rates.extrapolatedRate(TS, new double[] {10, 20, 30, 40}, 0, 4, 0, 60_000, true, false));
    }

    @Test
    void rateDividesByTheRangeInGoDurationSeconds() {
        assertThat(Windows.durationSeconds(60_000)).isEqualTo(60.0);
        assertThat(Windows.durationSeconds(1_500)).isEqualTo(1.5);
        assertThat(Windows.durationSeconds(1_001)).isEqualTo(1 + 1_000_000 / 1e9);
    }

    @Test
    void nanInsideTheWindowIsNeitherAResetNorPartOfTheDifference() {
        double[] vs = {1, Double.NaN, 3, 4};
        assertThat(Rates.extrapolatedRate(TS, vs, 0, 4, 0, 60_000, true, true)).isEqualTo(3 * ((45.0 + 15 + 0) / 45 / 60));
        double[] nanAtTheEnd = {1, 2, 3, Double.NaN};
        assertThat(Rates.extrapolatedRate(TS, nanAtTheEnd, 0, 4, 0, 60_000, true, true)).isNaN();
    }

    @Test
    void fewerThanTwoSamplesIsACallerError() {
        assertThatThrownBy(() -> Rates.extrapolatedRate(TS, new double[] {1, 2, 3, 4}, 0, 1, 0, 60_000, true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rates.irate(TS, new double[] {1, 2, 3, 4}, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rates.idelta(TS, new double[] {1, 2, 3, 4}, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void irateUsesTheLastTwoSamples() {
        double[] vs = {0, 100, 130, 160};
        assertThat(Rates.irate(TS, vs, 0, 4)).isEqualTo(30 / 15.0);
        assertThat(Rates.idelta(TS, vs, 0, 4)).isEqualTo(30.0);
    }

    @Test
    void irateTreatsADropAsAResetButIdeltaDoesNot() {
        double[] vs = {0, 100, 130, 20};
        assertThat(Rates.irate(TS, vs, 0, 4)).isEqualTo(20 / 15.0);
        assertThat(Rates.idelta(TS, vs, 0, 4)).isEqualTo(-110.0);
    }

    @Test
    void irateWithNaNIsNotAReset() {
        double[] vs = {0, 100, Double.NaN, 20};
        assertThat(Rates.irate(TS, vs, 0, 4)).isNaN();
    }

    @Test
    void irateOverMillisecondIntervals() {
        long[] ts = {1_000, 1_333};
        double[] vs = {1, 2};
        assertThat(Rates.irate(ts, vs, 0, 2)).isCloseTo(1 / 0.333, within(1e-12)).isEqualTo(1 / (333 / 1000.0));
    }

    @Test
    void equalTimestampsAreRejected() {
        assertThatThrownBy(() -> Rates.irate(new long[] {5, 5}, new double[] {1, 2}, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly");
    }
}
