package io.thanosjava.engine.functions;

/**
 * Kahan–Neumaier compensated summation exactly as Prometheus' {@code kahanSumInc}.
 *
 * <p>The static {@link #compensation} is the allocation-free core used by the window kernels:
 * <pre>{@code
 * double t = sum + x;
 * c = KahanSum.compensation(x, sum, t, c);
 * sum = t;
 * }</pre>
 * An instance is the {@link GroupAccumulator} of the {@code sum} aggregation for one group (the
 * result is {@code sum + c} per step).
 */
public final class KahanSum implements GroupAccumulator {
    private final double[] sum;
    private final double[] c;

    /** Sums for {@code steps} steps, all starting at 0. */
    public KahanSum(int steps) {
        this(new double[steps]);
    }

    /**
     * Sums kept in the caller's array, one per step (an aggregation passes its output values, so
     * that a group costs one array fewer); {@link #value} leaves it as it was.
     */
    public KahanSum(double[] sums) {
        sum = sums;
        c = new double[sums.length];
    }

    /**
     * The new compensation term after {@code t = sum + inc}: reset to 0 when {@code t} is
     * infinite, otherwise the lost low-order part, taken from the smaller operand (Neumaier).
     */
    public static double compensation(double inc, double sum, double t, double c) {
        if (Double.isInfinite(t)) {
            return 0;
        }
        if (Math.abs(sum) >= Math.abs(inc)) {
            return c + ((sum - t) + inc);
        }
        return c + ((inc - t) + sum);
    }

    /** Starts a new sum at {@code x}, as Prometheus starts a group with its first value. */
    @Override
    public void first(int step, double x) {
        sum[step] = x;
        c[step] = 0;
    }

    @Override
    public void add(int step, double x) {
        double s = sum[step];
        double t = s + x;
        c[step] = compensation(x, s, t, c[step]);
        sum[step] = t;
    }

    /** The compensated sum, {@code sum + c}, as the {@code sum} aggregation reports it. */
    @Override
    public double value(int step) {
        return sum[step] + c[step];
    }
}
