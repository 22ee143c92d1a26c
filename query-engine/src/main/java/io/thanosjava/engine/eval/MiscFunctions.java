package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.MatrixSelector;
import io.thanosjava.promql.ast.SubqueryExpr;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Type conversions, time, absence, sorting and other functions that are not per-sample math. */
final class MiscFunctions {
    private MiscFunctions() {
    }

    static EvalResult time(Evaluator ev, Call call, StepGrid g) {
        double[] v = new double[g.count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = g.time(i) / 1000.0;
        }
        return new EvalResult.Scalars(v);
    }

    static EvalResult pi(Evaluator ev, Call call, StepGrid g) {
        double[] v = new double[g.count()];
        java.util.Arrays.fill(v, Math.PI);
        return new EvalResult.Scalars(v);
    }

    static EvalResult vector(Evaluator ev, Call call, StepGrid g) {
        double[] v = ev.scalars(call.args().get(0), g);
        StepSeries s = new StepSeries(Labels.empty(), g.count());
        for (int i = 0; i < v.length; i++) {
            s.set(i, v[i]);
        }
        return new EvalResult.Vectors(new ArrayList<>(List.of(s)));
    }

    /** The single sample's value, or NaN when the vector does not hold exactly one. */
    static EvalResult scalar(Evaluator ev, Call call, StepGrid g) {
        List<StepSeries> in = ev.vectors(call.args().get(0), g);
        double[] v = new double[g.count()];
        for (int st = 0; st < v.length; st++) {
            int n = 0;
            double value = Double.NaN;
            for (StepSeries s : in) {
                if (s.has(st)) {
                    n++;
                    value = s.values[st];
                }
            }
            v[st] = n == 1 ? value : Double.NaN;
        }
        return new EvalResult.Scalars(v);
    }

    /** Applied directly to a selector it returns the stored samples' timestamps, else the step times. */
    static EvalResult timestamp(Evaluator ev, Call call, StepGrid g) {
        Expr arg = Evaluator.unwrapParens(call.args().get(0));
        List<StepSeries> in;
        if (arg instanceof VectorSelector vs) {
            in = ev.selectInstant(vs, g, true, "timestamp").series();
        } else {
            in = ev.vectors(arg, g);
            for (StepSeries s : in) {
                for (int st = 0; st < g.count(); st++) {
                    if (s.has(st)) {
                        s.set(st, g.time(st) / 1000.0);
                    }
                }
            }
        }
        for (StepSeries s : in) {
            NameDropping.drop(s, ev.ctx.delayedNameRemoval());
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(in, false));
    }

    static EvalResult absent(Evaluator ev, Call call, StepGrid g) {
        List<StepSeries> in = ev.vectors(call.args().get(0), g);
        StepSeries out = new StepSeries(absentLabels(call.args().get(0)), g.count());
        for (int st = 0; st < g.count(); st++) {
            boolean any = false;
            for (StepSeries s : in) {
                if (s.has(st)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                out.set(st, 1);
            }
        }
        return new EvalResult.Vectors(out.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(out)));
    }

    static EvalResult absentOverTime(Evaluator ev, Call call, StepGrid g) {
        EvalResult.Range r = ev.range(call.args().get(0), g, "absent_over_time");
        StepSeries out = new StepSeries(absentLabels(call.args().get(0)), g.count());
        for (int st = 0; st < g.count(); st++) {
            long end = r.windowEnds()[st];
            long start = end - r.rangeMillis();
            boolean any = false;
            for (int i = 0; i < r.labels().length && !any; i++) {
                long[] t = r.timestamps()[i];
                int n = r.sizes()[i];
                int idx = java.util.Arrays.binarySearch(t, 0, n, end);
                int last = idx >= 0 ? idx : -idx - 2;
                any = last >= 0 && t[last] > start;
            }
            if (!any) {
                out.set(st, 1);
            }
        }
        return new EvalResult.Vectors(out.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(out)));
    }

    /** Labels of absent()'s output: equality matchers set once (a second matcher on the label removes it). */
    private static Labels absentLabels(Expr arg) {
        Expr e = Evaluator.unwrapParens(arg);
        if (e instanceof MatrixSelector ms) {
            e = ms.selector();
        } else if (e instanceof SubqueryExpr sq) {
            e = Evaluator.unwrapParens(sq.expr());
        }
        if (!(e instanceof VectorSelector vs)) {
            return Labels.empty();
        }
        Map<String, String> set = new LinkedHashMap<>();
        Map<String, Boolean> removed = new LinkedHashMap<>();
        for (LabelMatcher m : vs.matchers()) {
            String name = m.name();
            if (name.equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (m.type() == LabelMatcher.Type.EQ && !set.containsKey(name) && !removed.containsKey(name)) {
                set.put(name, m.value());
            } else {
                set.remove(name);
                removed.put(name, true);
            }
        }
        Labels.Builder b = Labels.builder();
        set.forEach(b::set);
        return b.build();
    }

    static EvalResult sort(Evaluator ev, Call call, StepGrid g, boolean descending) {
        List<StepSeries> in = ev.vectors(call.args().get(0), g);
        if (g.count() == 1) {
            Comparator<StepSeries> byValue = (a, b) -> {
                double x = a.values[0];
                double y = b.values[0];
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
                }
                return descending ? Double.compare(y, x) : Double.compare(x, y);
            };
            in = new ArrayList<>(in);
            in.sort(byValue);
        }
        return new EvalResult.Vectors(in);
    }

    static EvalResult sortByLabel(Evaluator ev, Call call, StepGrid g, boolean descending) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < call.args().size(); i++) {
            names.add(((EvalResult.Str) ev.eval(call.args().get(i), g)).value());
        }
        List<StepSeries> in = new ArrayList<>(ev.vectors(call.args().get(0), g));
        Comparator<StepSeries> cmp = (a, b) -> {
            for (String n : names) {
                int c = NaturalOrder.compare(a.labels.getOrEmpty(n), b.labels.getOrEmpty(n));
                if (c != 0) {
                    return c;
                }
            }
            return a.labels.compareTo(b.labels);
        };
        in.sort(descending ? cmp.reversed() : cmp);
        return new EvalResult.Vectors(in);
    }

    /** Native-histogram-only functions: float samples are ignored, so float input gives an empty result. */
    static EvalResult histogramOnly(Evaluator ev, Call call, StepGrid g) {
        for (Expr arg : call.args()) {
            ev.eval(arg, g);
        }
        return new EvalResult.Vectors(new ArrayList<>());
    }

    static EvalResult unsupported(Evaluator ev, Call call, StepGrid g) {
        throw QueryException.execution("function \"" + call.function().name() + "\" is not supported by this engine");
    }
}
