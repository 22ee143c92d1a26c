package io.thanosjava.engine.functions;

/**
 * The float part of the {@code avg} aggregation, as Prometheus 3.x computes it per group and
 * step: a Kahan-compensated sum divided by the count at the end, switching permanently to an
 * incremental (compensated) mean once the running sum would overflow to ±Inf.
 *
 * <p>While in incremental mode an infinite mean is kept when the new value cannot change it (a
 * finite value, or an infinity of the same sign), because subtracting the mean would turn it into
 * NaN. Call {@link #first} for the first sample of a group at a step, {@link #add} for the others.
 */
public final class AvgAccumulator implements GroupAccumulator {
    private final double[] sum;
    private final double[] mean;
    private final double[] c;
    private final double[] count;
    private final boolean[] incremental;

    public AvgAccumulator(int steps) {
        sum = new double[steps];
        mean = new double[steps];
        c = new double[steps];
        count = new double[steps];
        incremental = new boolean[steps];
    }

    @Override
    public void first(int step, double f) {
        sum[step] = f;
        mean[step] = f;
        c[step] = 0;
        count[step] = 1;
        incremental[step] = false;
    }

    @Override
    public void add(int step, double f) {
        double n = ++count[step];
        if (!incremental[step]) {
            double s = sum[step];
            double t = s + f;
            if (!Double.isInfinite(t)) {
                c[step] = KahanSum.compensation(f, s, t, c[step]);
                sum[step] = t;
                return;
            }
            incremental[step] = true;
            mean[step] = s / (n - 1);
            c[step] /= n - 1;
        }
        double m = mean[step];
        if (Double.isInfinite(m)) {
            if (Double.isInfinite(f) && (m > 0) == (f > 0)) {
                return;
            }
            if (!Double.isInfinite(f) && !Double.isNaN(f)) {
                return;
            }
        }
        double currentMean = m + c[step];
        // Divide both sides of the difference by count to avoid overflow.
        double inc = f / n - currentMean / n;
        double t = m + inc;
        c[step] = KahanSum.compensation(inc, m, t, c[step]);
        mean[step] = t;
    }

    public double count(int step) {
        return count[step];
    }

    @Override
    public double value(int step) {
        return incremental[step] ? mean[step] + c[step] : (sum[step] + c[step]) / count[step];
    }
}
