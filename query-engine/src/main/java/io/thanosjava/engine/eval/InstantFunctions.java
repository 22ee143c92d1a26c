package io.thanosjava.engine.eval;

import io.thanosjava.engine.functions.InstantMath;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Functions applied sample by sample to an instant vector: math, rounding, clamping, dates. */
final class InstantFunctions {
    private InstantFunctions() {
    }

    /** Per-sample operation with up to two scalar arguments; returns NaN bits of {@link #SKIP} to emit nothing. */
    @FunctionalInterface
    interface SampleOp {
        double apply(double v, double a0, double a1);
    }

    /** A payload NaN no arithmetic produces: "no output at this step". */
    static final long SKIP = 0x7ff8dead00000001L;

    static FunctionImpl math(DoubleUnaryOperator op) {
        return (ev, call, g) -> apply(ev, call, g, (v, a, b) -> op.applyAsDouble(v));
    }

    static final FunctionImpl ROUND = (ev, call, g) -> apply(ev, call, g, (v, toNearest, b) -> InstantMath.round(v, toNearest));

    static final FunctionImpl CLAMP = (ev, call, g) -> apply(ev, call, g,
            (v, min, max) -> max < min ? Double.longBitsToDouble(SKIP) : InstantMath.clamp(v, min, max));
    static final FunctionImpl CLAMP_MIN = (ev, call, g) -> apply(ev, call, g, (v, min, b) -> InstantMath.clampMin(v, min));
    static final FunctionImpl CLAMP_MAX = (ev, call, g) -> apply(ev, call, g, (v, max, b) -> InstantMath.clampMax(v, max));

    /** Applies {@code op} to every sample of argument 0; the remaining arguments are scalars (round's defaults to 1). */
    private static EvalResult apply(Evaluator ev, Call call, StepGrid g, SampleOp op) {
        List<Expr> args = call.args();
        double[] a0 = args.size() > 1 ? ev.scalars(args.get(1), g) : ones(g.count());
        double[] a1 = args.size() > 2 ? ev.scalars(args.get(2), g) : null;
        List<StepSeries> in = ev.vectors(args.get(0), g);
        List<StepSeries> out = new ArrayList<>(in.size());
        for (StepSeries s : in) {
            StepSeries o = new StepSeries(s.labels, s.steps());
            o.dropName = s.dropName;
            for (int st = 0; st < s.steps(); st++) {
                if (s.has(st)) {
                    double r = op.apply(s.values[st], a0[st], a1 == null ? 0 : a1[st]);
                    if (Double.doubleToRawLongBits(r) != SKIP) {
                        o.set(st, r);
                    }
                }
            }
            NameDropping.drop(o, ev.ctx.delayedNameRemoval());
            out.add(o);
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(out, false));
    }

    private static double[] ones(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1);
        return d;
    }

    /** Date functions take an optional vector of timestamps, {@code vector(time())} by default. */
    static FunctionImpl date(DoubleUnaryOperator field) {
        return (ev, call, g) -> {
            if (call.args().isEmpty()) {
                StepSeries s = new StepSeries(Labels.empty(), g.count());
                for (int st = 0; st < g.count(); st++) {
                    s.set(st, field.applyAsDouble(g.time(st) / 1000.0));
                }
                return new EvalResult.Vectors(new ArrayList<>(List.of(s)));
            }
            return apply(ev, call, g, (v, a, b) -> field.applyAsDouble(v));
        };
    }
}
