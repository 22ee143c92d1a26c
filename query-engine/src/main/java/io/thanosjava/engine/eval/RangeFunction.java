package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a {@link RangeKernel} over every series and step, sliding the window over the decoded
 * sample arrays with two cursors instead of re-reading samples per step.
 */
final class RangeFunction implements FunctionImpl {
    private static final String ANCHORED_FUNCTIONS = "changes, delta, increase, rate, resets";
    private static final String SMOOTHED_FUNCTIONS = "delta, increase, rate";

    private final RangeKernel kernel;
    private final boolean keepName;
    private final int rangeArg;
    /** Kernel for anchored/smoothed selectors; null if the function does not support them. */
    private final RangeKernel extendedKernel;
    private final boolean smoothable;

    /**
     * @param rangeArg index of the range-vector argument; the other arguments are scalars, passed as
     *     {@link Window#arg0} and {@link Window#arg1} in order
     */
    RangeFunction(RangeKernel kernel, boolean keepName, int rangeArg) {
        this(kernel, keepName, rangeArg, null, false);
    }

    RangeFunction(RangeKernel kernel, boolean keepName, int rangeArg, RangeKernel extendedKernel, boolean smoothable) {
        this.kernel = kernel;
        this.keepName = keepName;
        this.rangeArg = rangeArg;
        this.extendedKernel = extendedKernel;
        this.smoothable = smoothable;
    }

    @Override
    public EvalResult call(Evaluator ev, Call call, StepGrid g) {
        SeriesCollector out = new SeriesCollector(ev.ctx);
        boolean namesMustDiffer = stream(ev, call, g, out);
        List<StepSeries> series = out.series();
        return new EvalResult.Vectors(namesMustDiffer ? series : NameDropping.mergeSameLabels(series, false));
    }

    /**
     * Computes the function for one series at a time, handing each output to {@code sink} before
     * the next series is read. Where Prometheus drops the metric name right away, two outputs with
     * the same labels fail the query, whatever their steps.
     *
     * @return whether the output labels were checked to be distinct
     */
    boolean stream(Evaluator ev, Call call, StepGrid g, SeriesSink sink) {
        List<Expr> args = call.args();
        double[][] scalars = new double[2][];
        int si = 0;
        for (int i = 0; i < args.size(); i++) {
            if (i != rangeArg) {
                scalars[si++] = ev.scalars(args.get(i), g);
            }
        }
        boolean delayed = ev.ctx.delayedNameRemoval();
        boolean namesMustDiffer = !delayed && !keepName;
        Set<Labels> seen = namesMustDiffer ? new HashSet<>() : null;
        try (RangeOperand r = ev.rangeOperand(args.get(rangeArg), g, call.function().name())) {
            Window w = window(r, call.function().name());
            w.ctx = ev.ctx;
            RangeKernel k = r.edges == EvalResult.Edges.PLAIN ? kernel : extendedKernel;
            long before = r.edges == EvalResult.Edges.PLAIN ? 0 : r.lookbackMillis;
            long after = r.edges == EvalResult.Edges.SMOOTHED ? r.lookbackMillis : 0;
            while (r.next()) {
                long[] t = r.timestamps();
                int n = r.size();
                w.t = t;
                w.v = r.values();
                w.metricName = r.labels().get(Labels.METRIC_NAME);
                StepSeries s = sink.series(r.labels(), g.count());
                s.dropName = r.dropName();
                int lo = 0;
                int hi = 0;
                for (int st = 0; st < g.count(); st++) {
                    long end = r.windowEnds[st];
                    long start = end - r.rangeMillis;
                    if (hi > 0 && t[hi - 1] > end + after) {
                        lo = 0;
                        hi = 0;
                    }
                    while (hi < n && t[hi] <= end + after) {
                        hi++;
                    }
                    while (lo < n && t[lo] <= start - before) {
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
                    if (k.compute(w)) {
                        s.set(st, w.result);
                    }
                }
                if (s.isEmpty()) {
                    continue;
                }
                if (!keepName) {
                    NameDropping.drop(s, delayed);
                }
                if (seen != null && !seen.add(s.labels)) {
                    throw QueryException.execution(NameDropping.SAME_LABELSET);
                }
                sink.accept(s);
            }
        }
        return namesMustDiffer;
    }

    /** The reusable window for an operand, after checking that the function accepts its edge modifier. */
    private Window window(RangeOperand r, String name) {
        if (r.edges == EvalResult.Edges.ANCHORED && extendedKernel == null) {
            throw QueryException.execution("anchored modifier can only be used with: " + ANCHORED_FUNCTIONS + " - not with " + name);
        }
        if (r.edges == EvalResult.Edges.SMOOTHED && !smoothable) {
            throw QueryException.execution("smoothed modifier can only be used with: " + SMOOTHED_FUNCTIONS + " - not with " + name);
        }
        Window w = new Window();
        w.smoothed = r.edges == EvalResult.Edges.SMOOTHED;
        w.rangeMillis = r.rangeMillis;
        return w;
    }
}
