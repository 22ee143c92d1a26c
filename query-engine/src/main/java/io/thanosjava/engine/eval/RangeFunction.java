package io.thanosjava.engine.eval;

import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link RangeKernel} over every series and step, sliding the window over the decoded
 * sample arrays with two cursors instead of re-reading samples per step.
 */
final class RangeFunction implements FunctionImpl {
    private final RangeKernel kernel;
    private final boolean keepName;
    private final int rangeArg;

    /**
     * @param rangeArg index of the range-vector argument; the other arguments are scalars, passed as
     *     {@link Window#arg0} and {@link Window#arg1} in order
     */
    RangeFunction(RangeKernel kernel, boolean keepName, int rangeArg) {
        this.kernel = kernel;
        this.keepName = keepName;
        this.rangeArg = rangeArg;
    }

    @Override
    public EvalResult call(Evaluator ev, Call call, StepGrid g) {
        List<Expr> args = call.args();
        double[][] scalars = new double[2][];
        int si = 0;
        for (int i = 0; i < args.size(); i++) {
            if (i != rangeArg) {
                scalars[si++] = ev.scalars(args.get(i), g);
            }
        }
        EvalResult.Range r = ev.range(args.get(rangeArg), g, call.function().name());
        boolean delayed = ev.ctx.delayedNameRemoval();
        Window w = new Window();
        w.ctx = ev.ctx;
        List<StepSeries> out = new ArrayList<>(r.labels().length);
        for (int i = 0; i < r.labels().length; i++) {
            ev.ctx.checkInterrupted();
            long[] t = r.timestamps()[i];
            int n = r.sizes()[i];
            w.t = t;
            w.v = r.values()[i];
            w.rangeMillis = r.rangeMillis();
            w.metricName = r.labels()[i].get(Labels.METRIC_NAME);
            StepSeries s = new StepSeries(r.labels()[i], g.count());
            s.dropName = r.dropName()[i];
            int lo = 0;
            int hi = 0;
            for (int st = 0; st < g.count(); st++) {
                long end = r.windowEnds()[st];
                long start = end - r.rangeMillis();
                if (hi > 0 && t[hi - 1] > end) {
                    lo = 0;
                    hi = 0;
                }
                while (hi < n && t[hi] <= end) {
                    hi++;
                }
                while (lo < n && t[lo] <= start) {
                    lo++;
                }
                if (lo >= hi) {
                    continue;
                }
                w.from = lo;
                w.to = hi;
                w.rangeStart = start;
                w.rangeEnd = end;
                w.evalTime = g.time(st);
                w.arg0 = scalars[0] == null ? 0 : scalars[0][st];
                w.arg1 = scalars[1] == null ? 0 : scalars[1][st];
                if (kernel.compute(w)) {
                    s.set(st, w.result);
                }
            }
            if (s.isEmpty()) {
                continue;
            }
            if (!keepName) {
                NameDropping.drop(s, delayed);
            }
            out.add(s);
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(out, !delayed && !keepName));
    }
}
