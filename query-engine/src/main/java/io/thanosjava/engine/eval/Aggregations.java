package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.functions.AvgAccumulator;
import io.thanosjava.engine.functions.GroupAccumulator;
import io.thanosjava.engine.functions.KahanSum;
import io.thanosjava.engine.functions.LabelFunctions;
import io.thanosjava.engine.functions.Quantile;
import io.thanosjava.engine.functions.VarianceAccumulator;
import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.AggregateExpr;
import io.thanosjava.promql.ast.AggregateOp;
import io.thanosjava.promql.ast.GoFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Aggregation operators. Each input series gets a dense group id once. The numeric rules come from
 * the shared kernels in {@code io.thanosjava.engine.functions}: sum, avg, stddev/stdvar and
 * quantile walk one step at a time with one reusable {@link GroupAccumulator} or buffer per
 * group.
 */
final class Aggregations {
    private Aggregations() {
    }

    static EvalResult eval(Evaluator ev, AggregateExpr a, StepGrid g) {
        double[] param = null;
        String label = null;
        if (a.param() != null) {
            EvalResult p = ev.eval(a.param(), g);
            if (p instanceof EvalResult.Str s) {
                label = s.value();
            } else {
                param = ((EvalResult.Scalars) p).values();
            }
        }
        List<StepSeries> in = ev.vectors(a.expr(), g);
        int steps = g.count();
        boolean delayed = ev.ctx.delayedNameRemoval();
        switch (a.op()) {
            case TOPK:
            case BOTTOMK:
                return new EvalResult.Vectors(SelectiveAggregations.topBottom(a, in, param, steps, a.op() == AggregateOp.TOPK));
            case LIMITK:
                return new EvalResult.Vectors(SelectiveAggregations.limitk(a, in, param, steps));
            case LIMIT_RATIO:
                return new EvalResult.Vectors(SelectiveAggregations.limitRatio(ev.ctx, a, in, param, steps));
            case COUNT_VALUES:
                return new EvalResult.Vectors(countValues(a, in, label, steps));
            default:
                break;
        }
        Groups groups = Groups.of(a, in, delayed);
        int ng = groups.labels.size();
        StepSeries[] out = new StepSeries[ng];
        for (int i = 0; i < ng; i++) {
            out[i] = new StepSeries(groups.labels.get(i), steps);
            out[i].dropName = groups.dropName[i];
        }
        switch (a.op()) {
            case SUM -> fold(in, groups.ids, out, steps, accumulators(ng, KahanSum::new));
            case AVG -> fold(in, groups.ids, out, steps, accumulators(ng, AvgAccumulator::new));
            case COUNT, GROUP -> count(in, groups.ids, out, steps, a.op() == AggregateOp.GROUP);
            case MIN, MAX -> minMax(in, groups.ids, out, steps, a.op() == AggregateOp.MAX);
            case STDDEV, STDVAR -> {
                fold(in, groups.ids, out, steps, accumulators(ng, VarianceAccumulator::new));
                if (a.op() == AggregateOp.STDDEV) {
                    squareRoots(out, steps);
                }
            }
            case QUANTILE -> quantile(ev.ctx, in, groups.ids, out, steps, param);
            default -> throw new IllegalStateException("unhandled aggregation " + a.op());
        }
        List<StepSeries> result = new ArrayList<>(ng);
        for (StepSeries s : out) {
            if (!s.isEmpty()) {
                result.add(s);
            }
        }
        return new EvalResult.Vectors(result);
    }

    /** Output labels of a group: {@code by} keeps the listed labels, {@code without} drops them and the name. */
    static Labels groupLabels(Labels l, AggregateExpr a) {
        if (a.without()) {
            List<String> drop = new ArrayList<>(a.grouping().size() + 3);
            drop.addAll(a.grouping());
            drop.add(Labels.METRIC_NAME);
            drop.add("__type__");
            drop.add("__unit__");
            return l.without(drop);
        }
        return a.grouping().isEmpty() ? Labels.empty() : l.keep(a.grouping());
    }

    /** Dense group ids of the input series. */
    static final class Groups {
        final int[] ids;
        final List<Labels> labels = new ArrayList<>();
        boolean[] dropName;

        private Groups(int n) {
            ids = new int[n];
        }

        static Groups of(AggregateExpr a, List<StepSeries> in, boolean delayed) {
            Groups gr = new Groups(in.size());
            Map<Labels, Integer> idOf = new HashMap<>();
            List<Boolean> drop = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                Labels gl = groupLabels(in.get(i).labels, a);
                Integer id = idOf.get(gl);
                if (id == null) {
                    id = gr.labels.size();
                    idOf.put(gl, id);
                    gr.labels.add(gl);
                    drop.add(false);
                }
                if (in.get(i).dropName && gl.has(Labels.METRIC_NAME)) {
                    drop.set(id, true);
                }
                gr.ids[i] = id;
            }
            gr.dropName = new boolean[drop.size()];
            for (int i = 0; i < gr.dropName.length; i++) {
                gr.dropName[i] = drop.get(i);
            }
            return gr;
        }
    }

    private static GroupAccumulator[] accumulators(int groups, Supplier<GroupAccumulator> kind) {
        GroupAccumulator[] acc = new GroupAccumulator[groups];
        for (int gi = 0; gi < groups; gi++) {
            acc[gi] = kind.get();
        }
        return acc;
    }

    /** Folds each group's values step by step into {@code acc}, then stores each group's value. */
    private static void fold(List<StepSeries> in, int[] ids, StepSeries[] out, int steps, GroupAccumulator[] acc) {
        for (int st = 0; st < steps; st++) {
            for (int i = 0; i < in.size(); i++) {
                StepSeries s = in.get(i);
                if (!s.has(st)) {
                    continue;
                }
                StepSeries o = out[ids[i]];
                if (o.has(st)) {
                    acc[ids[i]].add(s.values[st]);
                } else {
                    acc[ids[i]].first(s.values[st]);
                    o.set(st, 0);
                }
            }
            for (int gi = 0; gi < out.length; gi++) {
                if (out[gi].has(st)) {
                    out[gi].set(st, acc[gi].value());
                }
            }
        }
    }

    /** stddev from stdvar: the same {@code Math.sqrt(m2 / n)} Prometheus takes. */
    private static void squareRoots(StepSeries[] out, int steps) {
        for (StepSeries o : out) {
            for (int st = 0; st < steps; st++) {
                if (o.has(st)) {
                    o.set(st, Math.sqrt(o.values[st]));
                }
            }
        }
    }

    private static void count(List<StepSeries> in, int[] ids, StepSeries[] out, int steps, boolean group) {
        for (int i = 0; i < in.size(); i++) {
            StepSeries s = in.get(i);
            StepSeries o = out[ids[i]];
            for (int st = 0; st < steps; st++) {
                if (s.has(st)) {
                    o.set(st, group ? 1 : (o.has(st) ? o.values[st] + 1 : 1));
                }
            }
        }
    }

    private static void minMax(List<StepSeries> in, int[] ids, StepSeries[] out, int steps, boolean max) {
        for (int i = 0; i < in.size(); i++) {
            StepSeries s = in.get(i);
            StepSeries o = out[ids[i]];
            for (int st = 0; st < steps; st++) {
                if (!s.has(st)) {
                    continue;
                }
                double v = s.values[st];
                if (!o.has(st)) {
                    o.set(st, v);
                } else {
                    double cur = o.values[st];
                    if ((max ? cur < v : cur > v) || Double.isNaN(cur)) {
                        o.set(st, v);
                    }
                }
            }
        }
    }

    private static void quantile(EvalContext ctx, List<StepSeries> in, int[] ids, StepSeries[] out, int steps, double[] phi) {
        double[][] buf = new double[out.length][];
        int[] fill = new int[out.length];
        for (int gi = 0; gi < out.length; gi++) {
            buf[gi] = new double[8];
        }
        for (int st = 0; st < steps; st++) {
            Arrays.fill(fill, 0);
            for (int i = 0; i < in.size(); i++) {
                StepSeries s = in.get(i);
                if (!s.has(st)) {
                    continue;
                }
                int gi = ids[i];
                if (fill[gi] == buf[gi].length) {
                    buf[gi] = Arrays.copyOf(buf[gi], fill[gi] * 2);
                }
                buf[gi][fill[gi]++] = s.values[st];
            }
            double p = phi[st];
            boolean any = false;
            for (int gi = 0; gi < out.length; gi++) {
                if (fill[gi] > 0) {
                    out[gi].set(st, Quantile.quantile(p, buf[gi], fill[gi]));
                    any = true;
                }
            }
            if (any && (Double.isNaN(p) || p < 0 || p > 1)) {
                ctx.warn("quantile value should be between 0 and 1, got " + GoFloatFormat.formatG(p));
            }
        }
    }

    private static List<StepSeries> countValues(AggregateExpr a, List<StepSeries> in, String label, int steps) {
        if (!LabelFunctions.isValidLabelName(label)) {
            StringBuilder quoted = new StringBuilder();
            GoFormat.quote(label, quoted);
            throw QueryException.execution("invalid label name " + quoted);
        }
        Map<Labels, StepSeries> byLabels = new HashMap<>();
        List<StepSeries> out = new ArrayList<>();
        Labels[] groupOf = new Labels[in.size()];
        for (int i = 0; i < in.size(); i++) {
            groupOf[i] = groupLabels(in.get(i).labels, a);
        }
        for (int st = 0; st < steps; st++) {
            for (int i = 0; i < in.size(); i++) {
                StepSeries s = in.get(i);
                if (!s.has(st)) {
                    continue;
                }
                Labels l = groupOf[i].toBuilder().set(label, GoFloatFormat.formatF(s.values[st])).build();
                StepSeries o = byLabels.get(l);
                if (o == null) {
                    o = new StepSeries(l, steps);
                    byLabels.put(l, o);
                    out.add(o);
                }
                o.set(st, o.has(st) ? o.values[st] + 1 : 1);
            }
        }
        return out;
    }
}
