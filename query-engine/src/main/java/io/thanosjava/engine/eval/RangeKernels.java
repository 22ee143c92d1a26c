package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.functions.DoubleExponentialSmoothing;
import io.thanosjava.engine.functions.InvalidFunctionArgumentException;
import io.thanosjava.engine.functions.LinearRegression;
import io.thanosjava.engine.functions.OverTime;
import io.thanosjava.engine.functions.Rates;
import io.thanosjava.model.GoFloatFormat;

/**
 * Adapters from a {@link Window} to the shared numeric kernels of the range-vector functions that
 * need more than a plain call: minimum sample counts, scalar arguments, annotations and errors.
 */
final class RangeKernels {
    private RangeKernels() {
    }

    static boolean rate(Window w) {
        return extrapolated(w, true, true);
    }

    static boolean increase(Window w) {
        return extrapolated(w, true, false);
    }

    static boolean delta(Window w) {
        return extrapolated(w, false, false);
    }

    /** Prometheus' extrapolatedRate (shared kernel), plus the info annotation for names that do not look like counters. */
    private static boolean extrapolated(Window w, boolean counter, boolean perSecond) {
        if (w.size() < Rates.MIN_SAMPLES) {
            return false;
        }
        w.result = Rates.extrapolatedRate(w.t, w.v, w.from, w.to, w.rangeStart, w.rangeEnd, counter, perSecond);
        if (counter && w.metricName != null && !isCounterName(w.metricName)) {
            w.ctx.info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \""
                    + w.metricName + "\"");
        }
        return true;
    }

    private static boolean isCounterName(String name) {
        return name.endsWith("_total") || name.endsWith("_sum") || name.endsWith("_count") || name.endsWith("_bucket");
    }

    static boolean irate(Window w) {
        if (!hasTwoDistinctLastTimestamps(w)) {
            return false;
        }
        w.result = Rates.irate(w.t, w.v, w.from, w.to);
        return true;
    }

    static boolean idelta(Window w) {
        if (!hasTwoDistinctLastTimestamps(w)) {
            return false;
        }
        w.result = Rates.idelta(w.t, w.v, w.from, w.to);
        return true;
    }

    /** Two samples at one timestamp have no interval to divide by; such a window yields nothing. */
    private static boolean hasTwoDistinctLastTimestamps(Window w) {
        return w.size() >= Rates.MIN_SAMPLES && w.t[w.to - 1] != w.t[w.to - 2];
    }

    static boolean resets(Window w) {
        w.result = OverTime.resets(w.v, w.from, w.to);
        return true;
    }

    static boolean changes(Window w) {
        w.result = OverTime.changes(w.v, w.from, w.to);
        return true;
    }

    static boolean deriv(Window w) {
        if (w.size() < LinearRegression.MIN_SAMPLES) {
            return false;
        }
        w.result = LinearRegression.deriv(w.t, w.v, w.from, w.to);
        return true;
    }

    static boolean predictLinear(Window w) {
        if (w.size() < LinearRegression.MIN_SAMPLES) {
            return false;
        }
        w.result = LinearRegression.predictLinear(w.t, w.v, w.from, w.to, w.evalTime, w.arg0);
        return true;
    }

    static boolean quantileOverTime(Window w) {
        double phi = w.arg0;
        if (Double.isNaN(phi) || phi < 0 || phi > 1) {
            w.ctx.warn("quantile value should be between 0 and 1, got " + GoFloatFormat.formatG(phi));
        }
        w.result = OverTime.quantile(phi, w.v, w.from, w.to, w.scratch());
        return true;
    }

    static boolean madOverTime(Window w) {
        w.result = OverTime.medianAbsoluteDeviation(w.v, w.from, w.to, w.scratch());
        return true;
    }

    static boolean doubleExponentialSmoothing(Window w) {
        try {
            DoubleExponentialSmoothing.validateFactors(w.arg0, w.arg1);
        } catch (InvalidFunctionArgumentException e) {
            throw QueryException.execution(e.getMessage());
        }
        if (w.size() < DoubleExponentialSmoothing.MIN_SAMPLES) {
            return false;
        }
        w.result = DoubleExponentialSmoothing.smooth(w.v, w.from, w.to, w.arg0, w.arg1);
        return true;
    }
}
