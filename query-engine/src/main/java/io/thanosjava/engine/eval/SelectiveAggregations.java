package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.promql.ast.AggregateExpr;
import java.util.ArrayList;
import java.util.List;

/** Aggregations that keep input series rather than computing new ones: topk, bottomk, limitk, limit_ratio. */
final class SelectiveAggregations {
    private SelectiveAggregations() {
    }

    /** Prometheus' conversion of the k parameter, with its error texts. */
    static long k(double p) {
        if (Double.isNaN(p)) {
            throw QueryException.execution("Parameter value is NaN");
        }
        if (p >= 0x1p63) {
            throw QueryException.execution("Scalar value " + GoFloatFormat.formatG(p) + " overflows int64");
        }
        if (p < -0x1p63) {
            throw QueryException.execution("Scalar value " + GoFloatFormat.formatG(p) + " underflows int64");
        }
        return (long) p;
    }

    /** Whether {@code a} ranks before {@code b}: any number before NaN, then larger (topk) or smaller first. */
    private static boolean better(double a, double b, boolean top) {
        if (Double.isNaN(b)) {
            return !Double.isNaN(a);
        }
        return top ? a > b : a < b;
    }

    static List<StepSeries> topBottom(AggregateExpr a, List<StepSeries> in, double[] param, int steps, boolean top) {
        Aggregations.Groups groups = Aggregations.Groups.of(a, in);
        int ng = groups.labels.size();
        StepSeries[] out = new StepSeries[in.size()];
        List<StepSeries> order = new ArrayList<>();
        int[][] best = new int[ng][];
        int[] fill = new int[ng];
        for (int st = 0; st < steps; st++) {
            long k = k(param[st]);
            if (k < 1) {
                continue;
            }
            int cap = (int) Math.min(k, in.size());
            List<Integer> seenGroups = new ArrayList<>();
            for (int gi = 0; gi < ng; gi++) {
                fill[gi] = 0;
                if (best[gi] == null || best[gi].length < cap) {
                    best[gi] = new int[cap];
                }
            }
            for (int i = 0; i < in.size(); i++) {
                StepSeries s = in.get(i);
                if (!s.has(st)) {
                    continue;
                }
                int gi = groups.ids[i];
                int[] b = best[gi];
                int n = fill[gi];
                if (n == 0) {
                    seenGroups.add(gi);
                }
                double v = s.values[st];
                int pos;
                if (n < cap) {
                    pos = n;
                    fill[gi] = n + 1;
                } else if (better(v, in.get(b[n - 1]).values[st], top)) {
                    pos = n - 1;
                } else {
                    continue;
                }
                while (pos > 0 && better(v, in.get(b[pos - 1]).values[st], top)) {
                    b[pos] = b[pos - 1];
                    pos--;
                }
                b[pos] = i;
            }
            for (int gi : seenGroups) {
                for (int j = 0; j < fill[gi]; j++) {
                    int i = best[gi][j];
                    if (out[i] == null) {
                        out[i] = new StepSeries(in.get(i).labels, steps);
                        out[i].dropName = in.get(i).dropName;
                        order.add(out[i]);
                    }
                    out[i].set(st, in.get(i).values[st]);
                }
            }
        }
        return order;
    }

    static List<StepSeries> limitk(AggregateExpr a, List<StepSeries> in, double[] param, int steps) {
        Aggregations.Groups groups = Aggregations.Groups.of(a, in);
        int[] taken = new int[groups.labels.size()];
        StepSeries[] out = new StepSeries[in.size()];
        List<StepSeries> order = new ArrayList<>();
        for (int st = 0; st < steps; st++) {
            long k = k(param[st]);
            if (k < 1) {
                continue;
            }
            java.util.Arrays.fill(taken, 0);
            for (int i = 0; i < in.size(); i++) {
                StepSeries s = in.get(i);
                int gi = groups.ids[i];
                if (!s.has(st) || taken[gi] >= k) {
                    continue;
                }
                taken[gi]++;
                keepSample(s, i, st, out, order);
            }
        }
        return order;
    }

    static List<StepSeries> limitRatio(EvalContext ctx, AggregateExpr a, List<StepSeries> in, double[] param, int steps) {
        double[] offsets = new double[in.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = LabelHash.unitInterval(in.get(i).labels);
        }
        StepSeries[] out = new StepSeries[in.size()];
        List<StepSeries> order = new ArrayList<>();
        for (int st = 0; st < steps; st++) {
            double r = param[st];
            if (Double.isNaN(r)) {
                throw QueryException.execution("Ratio value is NaN");
            }
            if (r < -1 || r > 1) {
                double capped = r < -1 ? -1 : 1;
                ctx.warn("ratio value should be between -1 and 1, got " + GoFloatFormat.formatG(r) + ", capping to "
                        + GoFloatFormat.formatG(capped));
                r = capped;
            }
            if (r == 0) {
                continue;
            }
            for (int i = 0; i < in.size(); i++) {
                StepSeries s = in.get(i);
                if (!s.has(st)) {
                    continue;
                }
                boolean keep = r > 0 ? offsets[i] < r : offsets[i] >= 1 + r;
                if (keep) {
                    keepSample(s, i, st, out, order);
                }
            }
        }
        return order;
    }

    /** Copies input series {@code i}'s sample at step {@code st} into its output, created on first use. */
    private static void keepSample(StepSeries s, int i, int st, StepSeries[] out, List<StepSeries> order) {
        if (out[i] == null) {
            out[i] = new StepSeries(s.labels, s.steps());
            out[i].dropName = s.dropName;
            order.add(out[i]);
        }
        out[i].set(st, s.values[st]);
    }
}
