package io.thanosjava.engine.functions;

/**
 * {@code rate}, {@code increase}, {@code delta}, {@code irate} and {@code idelta} over one
 * series' float samples in a window, exactly as Prometheus 3.x (non-anchored, non-smoothed
 * selectors). Samples are {@code ts[from..to)}/{@code vs[from..to)}, timestamps in milliseconds,
 * strictly increasing, stale markers already removed, all inside (rangeStart, rangeEnd].
 */
public final class Rates {
    /** Fewest samples for which any of these functions produces output. */
    public static final int MIN_SAMPLES = 2;

    private Rates() {
    }

    /**
     * Prometheus' {@code extrapolatedRate}: {@code rate} is (isCounter, isRate) = (true, true),
     * {@code increase} (true, false), {@code delta} (false, false).
     *
     * <ol>
     *   <li>result = last − first; for counters every decrease adds the value before it;</li>
     *   <li>the gaps to the window edges are extrapolated fully when below 1.1 × the average sample
     *       interval, otherwise by half an interval;</li>
     *   <li>for counters the start gap is then capped at the extrapolated zero crossing
     *       ({@code sampledInterval × first / result}, when result &gt; 0 and first ≥ 0);</li>
     *   <li>result × (sampled + start gap + end gap) / sampled, divided by the range in seconds
     *       for rates.</li>
     * </ol>
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_SAMPLES} samples
     */
    public static double extrapolatedRate(long[] ts, double[] vs, int from, int to,
                                          long rangeStartMs, long rangeEndMs,
                                          boolean isCounter, boolean isRate) {
        Windows.check(ts, vs, from, to, MIN_SAMPLES);
        int last = to - 1;
        double firstValue = vs[from];
        double result = vs[last] - firstValue;
        if (isCounter) {
            double prev = firstValue;
            for (int i = from + 1; i <= last; i++) {
                double cur = vs[i];
                if (cur < prev) {
                    result += prev;
                }
                prev = cur;
            }
        }
        double durationToStart = (double) (ts[from] - rangeStartMs) / 1000;
        double durationToEnd = (double) (rangeEndMs - ts[last]) / 1000;
        double sampledInterval = (double) (ts[last] - ts[from]) / 1000;
        double averageInterval = sampledInterval / (double) (last - from);
        double threshold = averageInterval * 1.1;
        if (durationToStart >= threshold) {
            durationToStart = averageInterval / 2;
        }
        if (isCounter) {
            double durationToZero = durationToStart;
            if (result > 0 && firstValue >= 0) {
                durationToZero = sampledInterval * (firstValue / result);
            }
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        if (durationToEnd >= threshold) {
            durationToEnd = averageInterval / 2;
        }
        double factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
        if (isRate) {
            factor /= Windows.durationSeconds(rangeEndMs - rangeStartMs);
        }
        return result * factor;
    }

    /**
     * {@code irate}: per-second change between the last two samples; when the last value is below
     * the previous one (a counter reset) the last value itself is the increase. A NaN is not a reset.
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_SAMPLES} samples
     */
    public static double irate(long[] ts, double[] vs, int from, int to) {
        return instantValue(ts, vs, from, to, true);
    }

    /**
     * {@code idelta}: last value minus the previous one.
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_SAMPLES} samples
     */
    public static double idelta(long[] ts, double[] vs, int from, int to) {
        return instantValue(ts, vs, from, to, false);
    }

    private static double instantValue(long[] ts, double[] vs, int from, int to, boolean isRate) {
        Windows.check(ts, vs, from, to, MIN_SAMPLES);
        int last = to - 1;
        long interval = ts[last] - ts[last - 1];
        if (interval <= 0) {
            throw new IllegalArgumentException("timestamps must increase strictly, got " + ts[last - 1] + " then " + ts[last]);
        }
        double current = vs[last];
        double previous = vs[last - 1];
        double result = current;
        if (!isRate || !(current < previous)) {
            result = current - previous;
        }
        if (isRate) {
            result /= (double) interval / 1000;
        }
        return result;
    }
}
