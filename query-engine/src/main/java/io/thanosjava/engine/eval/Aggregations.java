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

/**
 * Aggregation operators. Each input series gets a dense group id once. The numeric rules come from
 * the shared kernels in {@code io.thanosjava.engine.functions}. The folding aggregations (sum, avg,
 * count, group, min, max, stddev, stdvar) take their input one series at a time
 * ({@link Evaluator#stream}), each group keeping one {@link GroupAccumulator} or output per step,
 * so an aggregation over a range function never holds all input series. quantile, topk, bottomk,
 * limitk, limit_ratio and count_values need every series of a step together.
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
        int steps = g.count();
        switch (a.op()) {
            case TOPK, BOTTOMK -> {
                return new EvalResult.Vectors(SelectiveAggregations.topBottom(a, ev.vectors(a.expr(), g), param, steps,
                        a.op() == AggregateOp.TOPK));
            }
            case LIMITK -> {
                return new EvalResult.Vectors(SelectiveAggregations.limitk(a, ev.vectors(a.expr(), g), param, steps));
            }
            case LIMIT_RATIO -> {
                return new EvalResult.Vectors(SelectiveAggregations.limitRatio(ev.ctx, a, ev.vectors(a.expr(), g), param, steps));
            }
            case COUNT_VALUES -> {
                return new EvalResult.Vectors(countValues(a, ev.vectors(a.expr(), g), label, steps));
            }
            case QUANTILE -> {
                return new EvalResult.Vectors(quantile(ev.ctx, a, ev.vectors(a.expr(), g), steps, param));
            }
            default -> {
                GroupFold fold = new GroupFold(a, steps);
                ev.stream(a.expr(), g, fold);
                return new EvalResult.Vectors(fold.result());
            }
        }
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

    /** Dense group ids, given to series in the order they arrive. */
    static final class Groups {
        private final AggregateExpr a;
        private final Map<Labels, Integer> idOf = new HashMap<>();
        final List<Labels> labels = new ArrayList<>();
        /** Per group, under delayed name removal: whether the output's name is dropped at the end. */
        private boolean[] dropName = new boolean[8];
        /** Per input series of {@link #of}: its group. */
        int[] ids;

        private Groups(AggregateExpr a) {
            this.a = a;
        }

        static Groups of(AggregateExpr a, List<StepSeries> in) {
            Groups gr = new Groups(a);
            gr.ids = new int[in.size()];
            for (int i = 0; i < in.size(); i++) {
                gr.ids[i] = gr.add(in.get(i));
            }
            return gr;
        }

        /** The group of {@code s}, a new id if its group labels are new. */
        int add(StepSeries s) {
            Labels gl = groupLabels(s.labels, a);
            Integer id = idOf.get(gl);
            if (id == null) {
                id = labels.size();
                idOf.put(gl, id);
                labels.add(gl);
                if (id == dropName.length) {
                    dropName = Arrays.copyOf(dropName, id * 2);
                }
            }
            if (s.dropName && gl.has(Labels.METRIC_NAME)) {
                dropName[id] = true;
            }
            return id;
        }

        /** A new, empty output series for group {@code id}. */
        StepSeries output(int id, int steps) {
            return new StepSeries(labels.get(id), steps);
        }

        /** Under delayed name removal: whether group {@code id}'s output drops its name at the end. */
        boolean dropName(int id) {
            return dropName[id];
        }
    }

    /** The folding aggregations, fed one input series at a time through one reused buffer. */
    private static final class GroupFold implements SeriesSink {
        private final AggregateOp op;
        private final Groups groups;
        private final int steps;
        private final StepSeries buffer;
        private final List<StepSeries> out = new ArrayList<>();
        /** Per group, for sum, avg, stddev and stdvar. */
        private final List<GroupAccumulator> acc = new ArrayList<>();

        GroupFold(AggregateExpr a, int steps) {
            this.op = a.op();
            this.groups = new Groups(a);
            this.steps = steps;
            this.buffer = new StepSeries(Labels.empty(), steps);
        }

        @Override
        public StepSeries series(Labels labels, int steps) {
            buffer.reset(labels);
            return buffer;
        }

        @Override
        public void accept(StepSeries s) {
            int id = groups.add(s);
            if (id == out.size()) {
                StepSeries o = groups.output(id, steps);
                out.add(o);
                acc.add(accumulator(o));
            }
            StepSeries o = out.get(id);
            switch (op) {
                case SUM, AVG, STDDEV, STDVAR -> fold(s, o, acc.get(id));
                case COUNT, GROUP -> count(s, o, op == AggregateOp.GROUP);
                case MIN, MAX -> minMax(s, o, op == AggregateOp.MAX);
                default -> throw new IllegalStateException("unhandled aggregation " + op);
            }
        }

        private GroupAccumulator accumulator(StepSeries output) {
            return switch (op) {
                case SUM -> new KahanSum(output.values);
                case AVG -> new AvgAccumulator(steps);
                case STDDEV, STDVAR -> new VarianceAccumulator(steps);
                default -> null;
            };
        }

        /** Each group's output with its accumulated values, in order of first appearance; empty groups left out. */
        List<StepSeries> result() {
            List<StepSeries> result = new ArrayList<>(out.size());
            for (int id = 0; id < out.size(); id++) {
                StepSeries o = out.get(id);
                GroupAccumulator a = acc.get(id);
                for (int st = 0; a != null && st < steps; st++) {
                    if (o.has(st)) {
                        double v = a.value(st);
                        // stddev from stdvar: the same Math.sqrt(m2 / n) Prometheus takes
                        o.set(st, op == AggregateOp.STDDEV ? Math.sqrt(v) : v);
                    }
                }
                if (!o.isEmpty()) {
                    o.dropName = groups.dropName(id);
                    result.add(o);
                }
            }
            return result;
        }

        private void fold(StepSeries s, StepSeries o, GroupAccumulator a) {
            for (int st = 0; st < steps; st++) {
                if (!s.has(st)) {
                    continue;
                }
                if (o.has(st)) {
                    a.add(st, s.values[st]);
                } else {
                    o.set(st, 0); // presence first: a sum accumulates in o's values
                    a.first(st, s.values[st]);
                }
            }
        }

        private void count(StepSeries s, StepSeries o, boolean group) {
            for (int st = 0; st < steps; st++) {
                if (s.has(st)) {
                    o.set(st, group ? 1 : (o.has(st) ? o.values[st] + 1 : 1));
                }
            }
        }

        private void minMax(StepSeries s, StepSeries o, boolean max) {
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

    private static List<StepSeries> quantile(EvalContext ctx, AggregateExpr a, List<StepSeries> in, int steps, double[] phi) {
        Groups groups = Groups.of(a, in);
        int[] ids = groups.ids;
        StepSeries[] out = new StepSeries[groups.labels.size()];
        for (int gi = 0; gi < out.length; gi++) {
            out[gi] = groups.output(gi, steps);
            out[gi].dropName = groups.dropName(gi);
        }
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
        List<StepSeries> result = new ArrayList<>(out.length);
        for (StepSeries o : out) {
            if (!o.isEmpty()) {
                result.add(o);
            }
        }
        return result;
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
