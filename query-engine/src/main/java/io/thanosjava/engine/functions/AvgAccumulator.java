package io.thanosjava.engine.functions;

/**
 * The float part of the {@code avg} aggregation, as Prometheus 3.x computes it per group: a
 * Kahan-compensated sum divided by the count at the end, switching permanently to an incremental
 * (compensated) mean once the running sum would overflow to ±Inf.
 *
 * <p>While in incremental mode an infinite mean is kept when the new value cannot change it (a
 * finite value, or an infinity of the same sign), because subtracting the mean would turn it into
 * NaN. Reusable: call {@link #first} for the first sample of a group, {@link #add} for the others.
 */
public final class AvgAccumulator implements GroupAccumulator {
    private double sum;
    private double mean;
    private double c;
    private double count;
    private boolean incremental;

    /** Starts a new group with its first value. */
    @Override
    public void first(double f) {
        sum = f;
        mean = f;
        c = 0;
        count = 1;
        incremental = false;
    }

    @Override
    public void add(double f) {
        count++;
        if (!incremental) {
            double t = sum + f;
            if (!Double.isInfinite(t)) {
                c = KahanSum.compensation(f, sum, t, c);
                sum = t;
                return;
            }
            incremental = true;
            mean = sum / (count - 1);
            c /= count - 1;
        }
        if (Double.isInfinite(mean)) {
            if (Double.isInfinite(f) && (mean > 0) == (f > 0)) {
                return;
            }
            if (!Double.isInfinite(f) && !Double.isNaN(f)) {
                return;
            }
        }
        double currentMean = mean + c;
        // Divide both sides of the difference by count to avoid overflow.
        double inc = f / count - currentMean / count;
        double t = mean + inc;
        c = KahanSum.compensation(inc, mean, t, c);
        mean = t;
    }

    public double count() {
        return count;
    }

    @Override
    public double value() {
        return incremental ? mean + c : (sum + c) / count;
    }
}
