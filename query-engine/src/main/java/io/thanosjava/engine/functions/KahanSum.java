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
 * An instance is a reusable {@link GroupAccumulator} for the {@code sum} aggregation (the result
 * is {@code sum + c}).
 */
public final class KahanSum implements GroupAccumulator {
    private double sum;
    private double c;

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
    public void first(double x) {
        sum = x;
        c = 0;
    }

    @Override
    public void add(double x) {
        double t = sum + x;
        c = compensation(x, sum, t, c);
        sum = t;
    }

    /** The compensated sum, {@code sum + c}, as the {@code sum} aggregation reports it. */
    @Override
    public double value() {
        return sum + c;
    }
}
