package io.thanosjava.engine.functions;

/**
 * The {@code *_over_time} family, {@code resets} and {@code changes} over one series' float
 * samples {@code vs[from..to)} (timestamps {@code ts[from..to)} in milliseconds where needed), as
 * Prometheus 3.x computes them. Every kernel needs at least one sample ({@link #MIN_SAMPLES});
 * callers emit nothing for an empty window. Histogram samples are the caller's business (see the
 * package documentation).
 */
public final class OverTime {
    /** Fewest samples for which these functions produce output. */
    public static final int MIN_SAMPLES = 1;

    private OverTime() {
    }

    /** {@code sum_over_time}: Kahan–Neumaier sum; an infinite running sum is returned uncompensated. */
    public static double sum(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        double sum = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double x = vs[i];
            double t = sum + x;
            c = KahanSum.compensation(x, sum, t, c);
            sum = t;
        }
        return Double.isInfinite(sum) ? sum : sum + c;
    }

    /**
     * {@code avg_over_time}: compensated sum divided by the count ({@code sum/n + c/n}); once the
     * running sum would overflow it switches to an incremental mean
     * {@code (mean, c) = add(x/n, mean·(n−1)/n, c·(n−1)/n)}, result {@code mean + c}.
     */
    public static double avg(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        double sum = vs[from];
        double count = 1;
        double mean = 0;
        double c = 0;
        boolean incremental = false;
        for (int i = from + 1; i < to; i++) {
            double x = vs[i];
            count = i - from + 1;
            if (!incremental) {
                double t = sum + x;
                if (!Double.isInfinite(t)) {
                    c = KahanSum.compensation(x, sum, t, c);
                    sum = t;
                    continue;
                }
                incremental = true;
                mean = sum / (count - 1);
                c /= count - 1;
            }
            double q = (count - 1) / count;
            double inc = x / count;
            double scaledMean = q * mean;
            double t = scaledMean + inc;
            c = KahanSum.compensation(inc, scaledMean, t, q * c);
            mean = t;
        }
        return incremental ? mean + c : sum / count + c / count;
    }

    /** {@code min_over_time}: the smallest value; NaN only when every value is NaN. */
    public static double min(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        double min = vs[from];
        for (int i = from; i < to; i++) {
            double v = vs[i];
            if (v < min || Double.isNaN(min)) {
                min = v;
            }
        }
        return min;
    }

    /** {@code max_over_time}: the largest value; NaN only when every value is NaN. */
    public static double max(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        double max = vs[from];
        for (int i = from; i < to; i++) {
            double v = vs[i];
            if (v > max || Double.isNaN(max)) {
                max = v;
            }
        }
        return max;
    }

    /**
     * {@code ts_of_min_over_time}: timestamp in seconds of the last sample holding the minimum
     * (ties go to the later sample; a NaN minimum is replaced by whatever follows).
     */
    public static double timestampOfMin(long[] ts, double[] vs, int from, int to) {
        Windows.check(ts, vs, from, to, MIN_SAMPLES);
        double min = vs[from];
        long at = ts[from];
        for (int i = from; i < to; i++) {
            double v = vs[i];
            if (v <= min || Double.isNaN(min)) {
                min = v;
                at = ts[i];
            }
        }
        return (double) at / 1000;
    }

    /** {@code ts_of_max_over_time}: like {@link #timestampOfMin} for the maximum. */
    public static double timestampOfMax(long[] ts, double[] vs, int from, int to) {
        Windows.check(ts, vs, from, to, MIN_SAMPLES);
        double max = vs[from];
        long at = ts[from];
        for (int i = from; i < to; i++) {
            double v = vs[i];
            if (v >= max || Double.isNaN(max)) {
                max = v;
                at = ts[i];
            }
        }
        return (double) at / 1000;
    }

    /** {@code ts_of_first_over_time}: the first sample's timestamp in seconds. */
    public static double timestampOfFirst(long[] ts, int from, int to) {
        checkTimestamps(ts, from, to);
        return (double) ts[from] / 1000;
    }

    /** {@code ts_of_last_over_time}: the last sample's timestamp in seconds. */
    public static double timestampOfLast(long[] ts, int from, int to) {
        checkTimestamps(ts, from, to);
        return (double) ts[to - 1] / 1000;
    }

    /** {@code count_over_time}: the number of samples. */
    public static double count(int from, int to) {
        if (from < 0 || to - from < MIN_SAMPLES) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") holds no sample");
        }
        return to - from;
    }

    /** {@code last_over_time}: the newest value. */
    public static double last(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        return vs[to - 1];
    }

    /** {@code first_over_time}: the oldest value. */
    public static double first(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        return vs[from];
    }

    /** {@code present_over_time}: always 1 for a non-empty window. */
    public static double present(int from, int to) {
        count(from, to);
        return 1;
    }

    /**
     * {@code stdvar_over_time}: population variance by Welford's algorithm with both the mean and
     * the sum of squares Kahan-compensated, {@code (aux + cAux) / n}.
     */
    public static double stdvar(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        double count = 0;
        double mean = 0;
        double cMean = 0;
        double aux = 0;
        double cAux = 0;
        for (int i = from; i < to; i++) {
            double x = vs[i];
            count++;
            double delta = x - (mean + cMean);
            double meanInc = delta / count;
            double newMean = mean + meanInc;
            cMean = KahanSum.compensation(meanInc, mean, newMean, cMean);
            mean = newMean;
            double auxInc = delta * (x - (mean + cMean));
            double newAux = aux + auxInc;
            cAux = KahanSum.compensation(auxInc, aux, newAux, cAux);
            aux = newAux;
        }
        return (aux + cAux) / count;
    }

    /** {@code stddev_over_time}: the square root of {@link #stdvar}. */
    public static double stddev(double[] vs, int from, int to) {
        return Math.sqrt(stdvar(vs, from, to));
    }

    /**
     * {@code quantile_over_time}: {@link Quantile#quantile} of the window's values, copied into
     * {@code scratch} (length ≥ to − from) so the input stays untouched. The caller warns when φ is
     * outside [0, 1] or NaN.
     */
    public static double quantile(double phi, double[] vs, int from, int to, double[] scratch) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        int n = to - from;
        System.arraycopy(vs, from, scratch, 0, n);
        return Quantile.quantile(phi, scratch, n);
    }

    /**
     * {@code mad_over_time}: the median of the absolute deviations from the median, using
     * {@code scratch} (length ≥ to − from). As in 3.9.1, NaNs sort first, so a window holding a
     * NaN can yield a number rather than NaN.
     */
    public static double medianAbsoluteDeviation(double[] vs, int from, int to, double[] scratch) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        int n = to - from;
        System.arraycopy(vs, from, scratch, 0, n);
        double median = Quantile.quantile(0.5, scratch, n);
        for (int i = 0; i < n; i++) {
            scratch[i] = Math.abs(vs[from + i] - median);
        }
        return Quantile.quantile(0.5, scratch, n);
    }

    /** {@code resets}: how many times a value is below its predecessor (0 for one sample). */
    public static double resets(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        int resets = 0;
        double prev = vs[from];
        for (int i = from + 1; i < to; i++) {
            double cur = vs[i];
            if (cur < prev) {
                resets++;
            }
            prev = cur;
        }
        return resets;
    }

    /** {@code changes}: how many times a value differs from its predecessor; NaN after NaN is no change. */
    public static double changes(double[] vs, int from, int to) {
        Windows.check(vs, from, to, MIN_SAMPLES);
        int changes = 0;
        double prev = vs[from];
        for (int i = from + 1; i < to; i++) {
            double cur = vs[i];
            if (cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev))) {
                changes++;
            }
            prev = cur;
        }
        return changes;
    }

    private static void checkTimestamps(long[] ts, int from, int to) {
        if (from < 0 || to > ts.length || to - from < MIN_SAMPLES) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") outside 0.." + ts.length + " or empty");
        }
    }
}
