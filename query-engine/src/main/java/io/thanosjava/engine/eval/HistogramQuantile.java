package io.thanosjava.engine.eval;

import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code histogram_quantile} and {@code histogram_fraction} over classic buckets: series grouped by
 * all labels except {@code le}, one computation per group and step.
 */
final class HistogramQuantile {
    private static final double SMALL_DELTA_TOLERANCE = 1e-12;

    private HistogramQuantile() {
    }

    static EvalResult quantile(Evaluator ev, Call call, StepGrid g) {
        return eval(ev, call, g, true);
    }

    static EvalResult fraction(Evaluator ev, Call call, StepGrid g) {
        return eval(ev, call, g, false);
    }

    private static EvalResult eval(Evaluator ev, Call call, StepGrid g, boolean quantile) {
        int vectorArg = quantile ? 1 : 2;
        double[] phi = ev.scalars(call.args().get(0), g);
        double[] upper = quantile ? null : ev.scalars(call.args().get(1), g);
        List<StepSeries> in = ev.vectors(call.args().get(vectorArg), g);
        int steps = g.count();
        Map<Labels, Integer> groupIds = new HashMap<>();
        List<StepSeries> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] group = new int[in.size()];
        double[] bound = new double[in.size()];
        for (int i = 0; i < in.size(); i++) {
            Labels l = in.get(i).labels;
            String le = l.getOrEmpty("le");
            bound[i] = parseBound(le);
            if (Double.isNaN(bound[i]) && !isNaNSpelling(le)) {
                group[i] = -1;
                ev.ctx.warn("bucket label \"le\" is missing or has a malformed value of \"" + le + "\" for metric name \""
                        + l.getOrEmpty(Labels.METRIC_NAME) + "\"");
                continue;
            }
            Labels key = l.without("le");
            Integer id = groupIds.get(key);
            if (id == null) {
                id = out.size();
                groupIds.put(key, id);
                StepSeries o = new StepSeries(key, steps);
                out.add(o);
                names.add(l.getOrEmpty(Labels.METRIC_NAME));
            }
            group[i] = id;
        }
        int[] members = new int[in.size()];
        double[] bounds = new double[in.size()];
        double[] counts = new double[in.size()];
        boolean[] fixedReported = new boolean[out.size()];
        for (int st = 0; st < steps; st++) {
            double q = phi[st];
            if (quantile && (Double.isNaN(q) || q < 0 || q > 1)) {
                ev.ctx.warn("quantile value should be between 0 and 1, got " + GoFloatFormat.formatG(q));
            }
            for (int gi = 0; gi < out.size(); gi++) {
                int n = 0;
                for (int i = 0; i < in.size(); i++) {
                    if (group[i] == gi && in.get(i).has(st)) {
                        members[n++] = i;
                    }
                }
                if (n == 0) {
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    bounds[k] = bound[members[k]];
                    counts[k] = in.get(members[k]).values[st];
                }
                boolean[] forced = new boolean[1];
                out.get(gi).set(st, quantile ? bucketQuantile(q, bounds, counts, n, forced)
                        : bucketFraction(q, upper[st], bounds, counts, n));
                if (forced[0] && !fixedReported[gi]) {
                    fixedReported[gi] = true;
                    ev.ctx.info("input to histogram_quantile needed to be fixed for monotonicity (see "
                            + "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) "
                            + "for metric name \"" + names.get(gi) + "\"");
                }
            }
        }
        boolean delayed = ev.ctx.delayedNameRemoval();
        for (StepSeries o : out) {
            NameDropping.drop(o, delayed);
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(out, false));
    }

    private static boolean isNaNSpelling(String s) {
        return s.equalsIgnoreCase("nan");
    }

    /** Go's ParseFloat for bucket bounds; NaN when unparsable. */
    static double parseBound(String s) {
        String t = s.toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "+inf", "inf", "+infinity", "infinity": return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity": return Double.NEGATIVE_INFINITY;
            case "nan": return Double.NaN;
            default: break;
        }
        if (t.isEmpty() || t.endsWith("d") || t.endsWith("f") || t.contains("_")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Sorts, merges equal bounds, fixes monotonicity and interpolates (Prometheus' bucketQuantile). */
    static double bucketQuantile(double q, double[] bounds, double[] counts, int n, boolean[] forced) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        sortByBound(bounds, counts, n);
        if (bounds[n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        int m = coalesce(bounds, counts, n);
        double prev = counts[0];
        for (int i = 1; i < m; i++) {
            double cur = counts[i];
            if (cur == prev) {
                continue;
            }
            if (almostEqual(prev, cur, SMALL_DELTA_TOLERANCE)) {
                counts[i] = prev;
                continue;
            }
            if (cur < prev) {
                counts[i] = prev;
                forced[0] = true;
                continue;
            }
            prev = cur;
        }
        if (m < 2) {
            return Double.NaN;
        }
        double observations = counts[m - 1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        int hi = m - 1;
        while (b < hi) {
            int mid = (b + hi) >>> 1;
            if (counts[mid] >= rank) {
                hi = mid;
            } else {
                b = mid + 1;
            }
        }
        if (b == m - 1) {
            return bounds[m - 2];
        }
        if (b == 0 && bounds[0] <= 0) {
            return bounds[0];
        }
        double start = 0;
        double end = bounds[b];
        double count = counts[b];
        if (b > 0) {
            start = bounds[b - 1];
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return start + (end - start) * (rank / count);
    }

    /** Estimated fraction of observations in [lower, upper], interpolating linearly inside buckets. */
    static double bucketFraction(double lower, double upper, double[] bounds, double[] counts, int n) {
        sortByBound(bounds, counts, n);
        if (bounds[n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        int m = coalesce(bounds, counts, n);
        double count = counts[m - 1];
        if (count == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (lower >= upper) {
            return 0;
        }
        double rank = 0;
        double lowerRank = 0;
        double upperRank = 0;
        boolean lowerSet = false;
        boolean upperSet = false;
        for (int i = 0; i < m; i++) {
            double lowerBound = i > 0 ? bounds[i - 1] : (bounds[0] > 0 ? 0 : Double.NEGATIVE_INFINITY);
            double upperBound = bounds[i];
            if (!lowerSet && lowerBound >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && lowerBound >= upper) {
                upperRank = rank;
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            if (!lowerSet && lowerBound < lower && upperBound > lower) {
                lowerRank = interpolate(rank, counts[i], lowerBound, upperBound, lower);
                lowerSet = true;
            }
            if (!upperSet && lowerBound < upper && upperBound > upper) {
                upperRank = interpolate(rank, counts[i], lowerBound, upperBound, upper);
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            rank = counts[i];
        }
        if (!lowerSet || lowerRank > count) {
            lowerRank = count;
        }
        if (!upperSet || upperRank > count) {
            upperRank = count;
        }
        return (upperRank - lowerRank) / count;
    }

    /**
     * Rank of {@code v} inside a bucket, linear between its bounds. A bucket of infinite width is not
     * interpolated into: none of its observations count as lying between {@code v} and its finite bound.
     */
    private static double interpolate(double rankBelow, double cumulative, double lowerBound, double upperBound, double v) {
        if (lowerBound == Double.NEGATIVE_INFINITY) {
            return cumulative;
        }
        if (upperBound == Double.POSITIVE_INFINITY) {
            return rankBelow;
        }
        return rankBelow + (cumulative - rankBelow) * (v - lowerBound) / (upperBound - lowerBound);
    }

    /** Merges buckets with equal bounds (input sorted); returns the new count. */
    private static int coalesce(double[] bounds, double[] counts, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && bounds[m - 1] == bounds[i]) {
                counts[m - 1] += counts[i];
            } else {
                bounds[m] = bounds[i];
                counts[m++] = counts[i];
            }
        }
        return m;
    }

    private static void sortByBound(double[] bounds, double[] counts, int n) {
        for (int i = 1; i < n; i++) {
            double b = bounds[i];
            double c = counts[i];
            int j = i - 1;
            while (j >= 0 && bounds[j] > b) {
                bounds[j + 1] = bounds[j];
                counts[j + 1] = counts[j];
                j--;
            }
            bounds[j + 1] = b;
            counts[j + 1] = c;
        }
    }

    /** The test runner's float equality with a custom tolerance (Prometheus' almost.Equal). */
    static boolean almostEqual(double a, double b, double epsilon) {
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
            return diff < epsilon * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
    }
}
