package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.engine.functions.LinearRegression;
import io.thanosjava.engine.functions.Rates;

/**
 * The float kernels of the range-vector functions, one small method each, so that each can be
 * swapped for a shared numeric implementation without touching the evaluator.
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
        return instant(w, true);
    }

    static boolean idelta(Window w) {
        return instant(w, false);
    }

    private static boolean instant(Window w, boolean perSecond) {
        if (w.size() < 2) {
            return false;
        }
        double last = w.v[w.to - 1];
        double prev = w.v[w.to - 2];
        double result = last - prev;
        if (perSecond && last < prev) {
            result = last;
        }
        long interval = w.t[w.to - 1] - w.t[w.to - 2];
        if (interval == 0) {
            return false;
        }
        w.result = perSecond ? result / (interval / 1000.0) : result;
        return true;
    }

    static boolean resets(Window w) {
        int count = 0;
        for (int i = w.from + 1; i < w.to; i++) {
            if (w.v[i] < w.v[i - 1]) {
                count++;
            }
        }
        w.result = count;
        return true;
    }

    static boolean changes(Window w) {
        int count = 0;
        for (int i = w.from + 1; i < w.to; i++) {
            double cur = w.v[i];
            double prev = w.v[i - 1];
            if (!(cur == prev || Double.isNaN(cur) && Double.isNaN(prev))) {
                count++;
            }
        }
        w.result = count;
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


    static boolean countOverTime(Window w) {
        w.result = w.size();
        return true;
    }

    static boolean lastOverTime(Window w) {
        w.result = w.v[w.to - 1];
        return true;
    }

    static boolean firstOverTime(Window w) {
        w.result = w.v[w.from];
        return true;
    }

    static boolean presentOverTime(Window w) {
        w.result = 1;
        return true;
    }

    static boolean tsOfFirstOverTime(Window w) {
        w.result = w.t[w.from] / 1000.0;
        return true;
    }

    static boolean tsOfLastOverTime(Window w) {
        w.result = w.t[w.to - 1] / 1000.0;
        return true;
    }

    static boolean stddevOverTime(Window w) {
        w.result = Math.sqrt(variance(w));
        return true;
    }

    static boolean stdvarOverTime(Window w) {
        w.result = variance(w);
        return true;
    }

    /** Welford's variance with compensated mean and sum of squares, as Prometheus' *_over_time. */
    private static double variance(Window w) {
        double count = 0;
        double mean = 0;
        double cMean = 0;
        double aux = 0;
        double cAux = 0;
        for (int i = w.from; i < w.to; i++) {
            double v = w.v[i];
            count++;
            double delta = v - (mean + cMean);
            double inc = delta / count;
            cMean = KahanSum.compensation(inc, mean, cMean);
            mean += inc;
            double inc2 = delta * (v - (mean + cMean));
            cAux = KahanSum.compensation(inc2, aux, cAux);
            aux += inc2;
        }
        return (aux + cAux) / count;
    }

    static boolean quantileOverTime(Window w) {
        double phi = w.arg0;
        if (Double.isNaN(phi) || phi < 0 || phi > 1) {
            w.ctx.warn("quantile value should be between 0 and 1, got " + GoFloatFormat.formatG(phi));
        }
        double[] buf = new double[w.size()];
        System.arraycopy(w.v, w.from, buf, 0, buf.length);
        w.result = Quantiles.quantile(phi, buf, buf.length);
        return true;
    }

    static boolean madOverTime(Window w) {
        int n = w.size();
        double[] buf = new double[n];
        System.arraycopy(w.v, w.from, buf, 0, n);
        double median = Quantiles.quantile(0.5, buf, n);
        for (int i = 0; i < n; i++) {
            buf[i] = Math.abs(buf[i] - median);
        }
        w.result = Quantiles.quantile(0.5, buf, n);
        return true;
    }

    static boolean doubleExponentialSmoothing(Window w) {
        double sf = w.arg0;
        double tf = w.arg1;
        if (!(sf > 0 && sf < 1)) {
            throw QueryException.execution(String.format(java.util.Locale.ROOT, "invalid smoothing factor. Expected: 0 < sf < 1, got: %f", sf));
        }
        if (!(tf > 0 && tf < 1)) {
            throw QueryException.execution(String.format(java.util.Locale.ROOT, "invalid trend factor. Expected: 0 < tf < 1, got: %f", tf));
        }
        if (w.size() < 2) {
            return false;
        }
        double s1 = w.v[w.from];
        double b = w.v[w.from + 1] - s1;
        double s0 = 0;
        for (int i = 1; i < w.size(); i++) {
            double x = w.v[w.from + i];
            if (i >= 2) {
                b = tf * (s1 - s0) + (1 - tf) * b;
            }
            double next = sf * x + (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = next;
        }
        w.result = s1;
        return true;
    }
}
