package io.thanosjava.engine.functions;

/** Argument checks shared by the range-vector kernels. */
final class Windows {
    private Windows() {
    }

    /**
     * Checks that {@code [from, to)} lies inside both arrays and holds at least {@code minSamples}
     * samples; callers must not invoke a kernel below its documented minimum.
     */
    static void check(long[] ts, double[] vs, int from, int to, int minSamples) {
        check(vs, from, to, minSamples);
        if (to > ts.length) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") exceeds " + ts.length + " timestamps");
        }
    }

    static void check(double[] vs, int from, int to, int minSamples) {
        if (from < 0 || to > vs.length || from > to) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") outside 0.." + vs.length);
        }
        if (to - from < minSamples) {
            throw new IllegalArgumentException(
                    "window holds " + (to - from) + " samples, the kernel needs at least " + minSamples);
        }
    }

    /**
     * Go's {@code time.Duration.Seconds()} for a whole number of milliseconds: whole seconds plus
     * the nanosecond remainder divided by 1e9 (two roundings, which plain {@code ms / 1000.0} would
     * not reproduce bit for bit).
     */
    static double durationSeconds(long millis) {
        long seconds = millis / 1000;
        long nanos = (millis % 1000) * 1_000_000L;
        return (double) seconds + (double) nanos / 1e9;
    }
}
