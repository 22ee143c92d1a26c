package io.thanosjava.engine.functions;

/**
 * The {@code stddev}/{@code stdvar} aggregations as Prometheus 3.x computes them per group and
 * step: Welford's online algorithm without compensation, population variance. A group whose first
 * value is NaN or ±Inf yields NaN whatever follows. {@link #first} starts a group at a step.
 */
public final class VarianceAccumulator implements GroupAccumulator {
    private final double[] mean;
    private final double[] m2;
    private final double[] count;

    public VarianceAccumulator(int steps) {
        mean = new double[steps];
        m2 = new double[steps];
        count = new double[steps];
    }

    @Override
    public void first(int step, double f) {
        count[step] = 1;
        mean[step] = f;
        m2[step] = Double.isNaN(f) || Double.isInfinite(f) ? Double.NaN : 0;
    }

    @Override
    public void add(int step, double f) {
        double n = ++count[step];
        double delta = f - mean[step];
        mean[step] += delta / n;
        m2[step] += delta * (f - mean[step]);
    }

    /** The population variance, as {@link #stdvar}. */
    @Override
    public double value(int step) {
        return stdvar(step);
    }

    public double stdvar(int step) {
        return m2[step] / count[step];
    }

    public double stddev(int step) {
        return Math.sqrt(m2[step] / count[step]);
    }
}
