package io.thanosjava.engine.functions;

import io.thanosjava.model.GoFloatFormat;

/**
 * {@code double_exponential_smoothing(v, sf, tf)} (formerly {@code holt_winters}) over one
 * series' float values {@code vs[from..to)}, as Prometheus 3.x.
 */
public final class DoubleExponentialSmoothing {
    /** Fewest samples for which the function produces output. */
    public static final int MIN_SAMPLES = 2;

    private DoubleExponentialSmoothing() {
    }

    /**
     * Rejects factors outside the open interval (0, 1) with Prometheus' error text (values printed
     * like Go's {@code %f}); like Prometheus it lets NaN through. The evaluator calls this once per
     * step before looking at any series.
     *
     * @throws InvalidFunctionArgumentException for an invalid smoothing or trend factor
     */
    public static void validateFactors(double smoothingFactor, double trendFactor) {
        if (smoothingFactor <= 0 || smoothingFactor >= 1) {
            throw new InvalidFunctionArgumentException(
                    "invalid smoothing factor. Expected: 0 < sf < 1, got: " + GoFloatFormat.formatFixed6(smoothingFactor));
        }
        if (trendFactor <= 0 || trendFactor >= 1) {
            throw new InvalidFunctionArgumentException(
                    "invalid trend factor. Expected: 0 < tf < 1, got: " + GoFloatFormat.formatFixed6(trendFactor));
        }
    }

    /**
     * The smoothed value after the last sample: {@code s = x0}, {@code b = x1 − x0}; for each later
     * sample the trend (from the second step on) becomes {@code tf·(s − sPrev) + (1 − tf)·b} and
     * {@code s = sf·x + (1 − sf)·(s + b)}. Factors must have passed {@link #validateFactors}.
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_SAMPLES} samples
     */
    public static double smooth(double[] vs, int from, int to, double smoothingFactor, double trendFactor) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        double s0 = 0;
        double s1 = vs[from];
        double b = vs[from + 1] - vs[from];
        for (int i = from + 1; i < to; i++) {
            double x = smoothingFactor * vs[i];
            if (i > from + 1) {
                b = trendFactor * (s1 - s0) + (1 - trendFactor) * b;
            }
            double y = (1 - smoothingFactor) * (s1 + b);
            s0 = s1;
            s1 = x + y;
        }
        return s1;
    }
}
