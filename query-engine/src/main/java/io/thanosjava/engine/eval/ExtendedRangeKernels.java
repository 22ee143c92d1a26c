package io.thanosjava.engine.eval;

/**
 * Kernels for {@code anchored} and {@code smoothed} range selectors: instead of extrapolating,
 * the value at each window edge is the last sample at or before it (anchored) or is interpolated
 * between the samples around it (smoothed). The window slice also holds those outer samples.
 */
final class ExtendedRangeKernels {
    private ExtendedRangeKernels() {
    }

    static boolean rate(Window w) {
        return difference(w, true, true);
    }

    static boolean increase(Window w) {
        return difference(w, true, false);
    }

    static boolean delta(Window w) {
        return difference(w, false, false);
    }

    static boolean changes(Window w) {
        return walk(w, false);
    }

    static boolean resets(Window w) {
        return walk(w, true);
    }

    /** Index of the last sample at or before the window start, or of the first sample when none is. */
    private static int firstIndex(Window w) {
        int i = w.from;
        int lastCandidate = w.to - 1;
        while (i < lastCandidate && w.t[i] <= w.rangeStart) {
            i++;
        }
        return Math.max(w.from, i - 1);
    }

    /** Index of the sample the right edge is taken from. */
    private static int lastIndex(Window w) {
        int last = w.to - 1;
        if (!w.smoothed) {
            return last;
        }
        int i = w.from;
        while (i < last && w.t[i] < w.rangeEnd) {
            i++;
        }
        return i;
    }

    private static double left(Window w, int first, boolean counter) {
        if (w.smoothed && w.t[first] < w.rangeStart) {
            return interpolate(w, first, first + 1, w.rangeStart, counter);
        }
        return w.v[first];
    }

    private static double right(Window w, int last, boolean counter) {
        if (w.smoothed && last > w.from && w.t[last] > w.rangeEnd) {
            return interpolate(w, last - 1, last, w.rangeEnd, counter);
        }
        return w.v[last];
    }

    /** Linear interpolation; for counters a decrease is read as a reset from zero. */
    private static double interpolate(Window w, int a, int b, long t, boolean counter) {
        double y1 = w.v[a];
        double y2 = w.v[b];
        if (counter && y2 < y1) {
            y1 = 0;
        }
        return y1 + (y2 - y1) * (double) (t - w.t[a]) / (double) (w.t[b] - w.t[a]);
    }

    private static boolean difference(Window w, boolean counter, boolean perSecond) {
        int first = firstIndex(w);
        int last = lastIndex(w);
        if (w.t[last] <= w.rangeStart || w.smoothed && w.t[first] > w.rangeEnd) {
            return false;
        }
        double left = left(w, first, counter);
        double right = right(w, last, counter);
        double result = right - left;
        if (counter) {
            int from = w.t[first] <= w.rangeStart ? first + 1 : first;
            int to = w.t[last] >= w.rangeEnd ? last - 1 : last;
            double prev = left;
            for (int i = from; i <= to; i++) {
                if (w.v[i] < prev) {
                    result += prev;
                }
                prev = w.v[i];
            }
            if (right < prev) {
                result += prev;
            }
        }
        w.result = perSecond ? result / (w.rangeMillis / 1000.0) : result;
        return true;
    }

    /** changes/resets over the synthetic left edge, the samples inside the window and the right edge. */
    private static boolean walk(Window w, boolean resets) {
        int first = firstIndex(w);
        int last = lastIndex(w);
        if (w.t[last] <= w.rangeStart) {
            return false;
        }
        double prev = left(w, first, false);
        double right = right(w, last, false);
        int from = w.t[first] <= w.rangeStart ? first + 1 : first;
        int count = 0;
        for (int i = from; i <= last + 1; i++) {
            double cur = i <= last ? w.v[i] : right;
            if (resets ? cur < prev : !(cur == prev || Double.isNaN(cur) && Double.isNaN(prev))) {
                count++;
            }
            prev = cur;
        }
        w.result = count;
        return true;
    }
}
