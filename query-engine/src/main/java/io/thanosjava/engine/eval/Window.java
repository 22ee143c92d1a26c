package io.thanosjava.engine.eval;

/**
 * The samples {@code [from, to)} of one series inside one step's window, plus what range
 * functions need to know about it. One instance is reused for every window of an operator.
 */
final class Window {
    long[] t;
    double[] v;
    int from;
    int to;
    /** Exclusive start and inclusive end of the window. */
    long rangeStart;
    long rangeEnd;
    long rangeMillis;
    /** Whether window edges are interpolated ({@code smoothed}) rather than picked ({@code anchored}). */
    boolean smoothed;
    /** The evaluation timestamp of the step (not shifted by offset). */
    long evalTime;
    /** Scalar arguments of the call at this step. */
    double arg0;
    double arg1;
    /** Metric name of the series, for annotations. */
    String metricName;
    EvalContext ctx;
    /** Output of the kernel. */
    double result;
    /** Reusable copy space for kernels that sort the window's values. */
    private double[] scratch = new double[0];

    int size() {
        return to - from;
    }

    /** Scratch space for at least {@link #size()} values, grown as needed and reused across windows. */
    double[] scratch() {
        if (scratch.length < size()) {
            scratch = new double[Math.max(size(), 2 * scratch.length)];
        }
        return scratch;
    }
}
