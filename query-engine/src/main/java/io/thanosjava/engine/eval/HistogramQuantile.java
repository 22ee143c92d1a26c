package io.thanosjava.engine.eval;

import io.thanosjava.engine.functions.BucketFraction;
import io.thanosjava.engine.functions.BucketQuantile;
import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code histogram_quantile} and {@code histogram_fraction} over classic buckets: series grouped by
 * all labels except {@code le}, one {@link BucketQuantile} or {@link BucketFraction} computation
 * per group and step, plus the annotations.
 */
final class HistogramQuantile {
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
        BucketQuantile kernel = new BucketQuantile();
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
                out.get(gi).set(st, quantile ? kernel.compute(q, bounds, counts, n)
                        : BucketFraction.fraction(q, upper[st], bounds, counts, n));
                if (quantile && kernel.forcedMonotonicity() && !fixedReported[gi]) {
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
}
