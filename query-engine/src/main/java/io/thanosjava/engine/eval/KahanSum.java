package io.thanosjava.engine.eval;

/** Kahan–Neumaier compensated summation step, as Prometheus' {@code kahanSumInc}. */
final class KahanSum {
    private KahanSum() {
    }

    /** Returns the new compensation for {@code sum + inc}; the new sum is {@code sum + inc}. */
    static double compensation(double inc, double sum, double c) {
        double t = sum + inc;
        if (Double.isInfinite(t)) {
            return 0;
        }
        if (Math.abs(sum) >= Math.abs(inc)) {
            return c + ((sum - t) + inc);
        }
        return c + ((inc - t) + sum);
    }
}
