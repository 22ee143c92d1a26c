package io.thanosjava.model;

/** Prometheus' staleness marker: a NaN with a specific payload, compared by raw bits. */
public final class StaleNaN {
    public static final long BITS = 0x7ff0000000000002L;
    public static final double VALUE = Double.longBitsToDouble(BITS);

    private StaleNaN() {
    }

    public static boolean is(double v) {
        return Double.doubleToRawLongBits(v) == BITS;
    }
}
