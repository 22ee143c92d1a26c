package io.thanosjava.engine.functions;

/**
 * {@code deriv} and {@code predict_linear}: ordinary least squares over one series' float samples
 * {@code ts[from..to)}/{@code vs[from..to)}, as Prometheus' {@code linearRegression}. The four
 * running sums are Kahan–Neumaier compensated, compensations added before use; x is seconds since
 * the intercept time. When every y is identical the slope is 0 and the intercept that value
 * (both NaN if it is ±Inf).
 */
public final class LinearRegression {
    /** Fewest samples for which these functions produce output. */
    public static final int MIN_SAMPLES = 2;

    private LinearRegression() {
    }

    /**
     * {@code deriv}: the slope per second, intercept time = the first sample's timestamp.
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_SAMPLES} samples
     */
    public static double deriv(long[] ts, double[] vs, int from, int to) {
        Windows.check(ts, vs, from, to, MIN_SAMPLES);
        return regress(ts, vs, from, to, ts[from], false, 0);
    }

    /**
     * {@code predict_linear(v, seconds)}: {@code slope × seconds + intercept} with the intercept
     * taken at {@code evalTimeMs}, the evaluation step's timestamp: neither shifted by
     * {@code offset} nor replaced by an {@code @} modifier (upstream scripts check both).
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_SAMPLES} samples
     */
    public static double predictLinear(long[] ts, double[] vs, int from, int to, long evalTimeMs, double seconds) {
        Windows.check(ts, vs, from, to, MIN_SAMPLES);
        return regress(ts, vs, from, to, evalTimeMs, true, seconds);
    }

    private static double regress(long[] ts, double[] vs, int from, int to, long interceptTime,
                                  boolean predict, double seconds) {
        double n = 0;
        double sumX = 0;
        double cX = 0;
        double sumY = 0;
        double cY = 0;
        double sumXY = 0;
        double cXY = 0;
        double sumX2 = 0;
        double cX2 = 0;
        double initY = vs[from];
        boolean constY = true;
        for (int i = from; i < to; i++) {
            double y = vs[i];
            if (constY && i > from && y != initY) {
                constY = false;
            }
            n += 1.0;
            double x = (double) (ts[i] - interceptTime) / 1e3;
            double t = sumX + x;
            cX = KahanSum.compensation(x, sumX, t, cX);
            sumX = t;
            t = sumY + y;
            cY = KahanSum.compensation(y, sumY, t, cY);
            sumY = t;
            double xy = x * y;
            t = sumXY + xy;
            cXY = KahanSum.compensation(xy, sumXY, t, cXY);
            sumXY = t;
            double x2 = x * x;
            t = sumX2 + x2;
            cX2 = KahanSum.compensation(x2, sumX2, t, cX2);
            sumX2 = t;
        }
        double slope;
        double intercept;
        if (constY) {
            if (Double.isInfinite(initY)) {
                slope = Double.NaN;
                intercept = Double.NaN;
            } else {
                slope = 0;
                intercept = initY;
            }
        } else {
            sumX += cX;
            sumY += cY;
            sumXY += cXY;
            sumX2 += cX2;
            double covXY = sumXY - sumX * sumY / n;
            double varX = sumX2 - sumX * sumX / n;
            slope = covXY / varX;
            intercept = sumY / n - slope * sumX / n;
        }
        return predict ? slope * seconds + intercept : slope;
    }
}
