package io.thanosjava.engine.functions;

/**
 * The {@code stddev}/{@code stdvar} aggregations as Prometheus 3.x computes them per group:
 * Welford's online algorithm without compensation, population variance. A group whose first value
 * is NaN or ±Inf yields NaN whatever follows. Reusable: {@link #first} starts a group.
 */
public final class VarianceAccumulator implements GroupAccumulator {
    private double mean;
    private double m2;
    private double count;

    @Override
    public void first(double f) {
        count = 1;
        mean = f;
        m2 = Double.isNaN(f) || Double.isInfinite(f) ? Double.NaN : 0;
    }

    @Override
    public void add(double f) {
        count++;
        double delta = f - mean;
        mean += delta / count;
        m2 += delta * (f - mean);
    }

    /** The population variance, as {@link #stdvar()}. */
    @Override
    public double value() {
        return stdvar();
    }

    public double stdvar() {
        return m2 / count;
    }

    public double stddev() {
        return Math.sqrt(m2 / count);
    }
}
