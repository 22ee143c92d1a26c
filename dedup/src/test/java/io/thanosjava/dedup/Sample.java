package io.thanosjava.dedup;

import io.thanosjava.model.SampleIterator;
import java.util.ArrayList;
import java.util.List;

/** A sample in tests, equal to another only when timestamp and raw value bits match. */
record Sample(long t, long bits) {
    static Sample of(long t, double v) {
        return new Sample(t, Double.doubleToRawLongBits(v));
    }

    double v() {
        return Double.longBitsToDouble(bits);
    }

    /** Alternating timestamps and values: {@code samples(0, 1.0, 15000, 2.0)}. */
    static List<Sample> samples(double... timeValuePairs) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < timeValuePairs.length; i += 2) {
            out.add(of((long) timeValuePairs[i], timeValuePairs[i + 1]));
        }
        return out;
    }

    /** Samples at {@code first, first + step, ...} up to {@code last} inclusive, all with value {@code v}. */
    static List<Sample> regular(long first, long step, long last, double v) {
        List<Sample> out = new ArrayList<>();
        for (long t = first; t <= last; t += step) {
            out.add(of(t, v));
        }
        return out;
    }

    static List<Sample> drain(SampleIterator it) {
        List<Sample> out = new ArrayList<>();
        while (it.next()) {
            out.add(of(it.atT(), it.atV()));
        }
        return out;
    }

    @Override
    public String toString() {
        return t + "=" + v() + (Double.isNaN(v()) ? "(0x" + Long.toHexString(bits) + ")" : "");
    }
}
