package io.thanosjava.engine.eval;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.Labels;
import io.thanosjava.model.StaleNaN;
import io.thanosjava.promql.DurationExpressions;
import io.thanosjava.promql.ast.AggregateExpr;
import io.thanosjava.promql.ast.AtModifier;
import io.thanosjava.promql.ast.BinaryExpr;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.MatrixSelector;
import io.thanosjava.promql.ast.NumberLiteral;
import io.thanosjava.promql.ast.ParenExpr;
import io.thanosjava.promql.ast.StringLiteral;
import io.thanosjava.promql.ast.SubqueryExpr;
import io.thanosjava.promql.ast.UnaryExpr;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates an expression over all steps of a grid at once: each operator receives whole
 * {@link StepSeries} (one value per step) from its operands, so labels are resolved once per
 * operator and storage is read once per selector.
 */
public final class Evaluator {
    final EvalContext ctx;

    public Evaluator(EvalContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
    }

    public EvalResult eval(Expr e, StepGrid g) {
        ctx.checkInterrupted();
        long before = ctx.heldSamples();
        EvalResult r = evalNode(e, g);
        ctx.settle(before, samples(r));
        return r;
    }

    /** Samples an evaluation result holds, for the query's sample limit. */
    private static long samples(EvalResult r) {
        long n = 0;
        if (r instanceof EvalResult.Scalars s) {
            n = s.values().length;
        } else if (r instanceof EvalResult.Vectors v) {
            for (StepSeries s : v.series()) {
                n += s.count();
            }
        } else if (r instanceof EvalResult.Range range) {
            for (int size : range.sizes()) {
                n += size;
            }
        }
        return n;
    }

    private EvalResult evalNode(Expr e, StepGrid g) {
        if (e instanceof NumberLiteral n) {
            double[] v = new double[g.count()];
            Arrays.fill(v, n.value());
            return new EvalResult.Scalars(v);
        }
        if (e instanceof StringLiteral s) {
            return new EvalResult.Str(s.value());
        }
        if (e instanceof ParenExpr p) {
            return eval(p.expr(), g);
        }
        if (e instanceof VectorSelector vs) {
            return selectInstant(vs, g, false, "");
        }
        if (e instanceof MatrixSelector ms) {
            return selectRange(ms, g, "");
        }
        if (e instanceof SubqueryExpr sq) {
            return subquery(sq, g);
        }
        if (e instanceof UnaryExpr u) {
            return unary(u, g);
        }
        if (e instanceof BinaryExpr b) {
            return BinaryOperators.eval(this, b, g);
        }
        if (e instanceof AggregateExpr a) {
            return Aggregations.eval(this, a, g);
        }
        if (e instanceof Call c) {
            return FunctionTable.get(c.function().name()).call(this, c, g);
        }
        throw new IllegalStateException("unexpected node " + e.getClass().getSimpleName());
    }

    /** Evaluates an operand that the type checker guarantees to be a scalar. */
    double[] scalars(Expr e, StepGrid g) {
        return ((EvalResult.Scalars) eval(e, g)).values();
    }

    List<StepSeries> vectors(Expr e, StepGrid g) {
        return ((EvalResult.Vectors) eval(e, g)).series();
    }

    /**
     * Feeds the series of an instant-vector operand to {@code sink} one at a time. Selectors and
     * range functions over matrix selectors stream from storage without holding all their output;
     * anything else is evaluated whole first.
     */
    void stream(Expr e, StepGrid g, SeriesSink sink) {
        ctx.checkInterrupted();
        Expr inner = unwrapParens(e);
        if (inner instanceof VectorSelector vs) {
            selectInstant(vs, g, false, "", sink);
            return;
        }
        if (inner instanceof Call c && FunctionTable.get(c.function().name()) instanceof RangeFunction f) {
            f.stream(this, c, g, sink);
            return;
        }
        for (StepSeries s : vectors(inner, g)) {
            sink.accept(s);
        }
    }

    /** Evaluates a range-vector argument, telling the selector which function consumes it. */
    EvalResult.Range range(Expr e, StepGrid g, String func) {
        Expr inner = unwrapParens(e);
        if (inner instanceof MatrixSelector ms) {
            return selectRange(ms, g, func);
        }
        return (EvalResult.Range) eval(inner, g);
    }

    /** A range-vector argument one series at a time: streamed from storage for a matrix selector. */
    RangeOperand rangeOperand(Expr e, StepGrid g, String func) {
        Expr inner = unwrapParens(e);
        if (inner instanceof MatrixSelector ms) {
            return openRange(ms, g, func);
        }
        return RangeOperand.of((EvalResult.Range) eval(inner, g));
    }

    static Expr unwrapParens(Expr e) {
        while (e instanceof ParenExpr p) {
            e = p.expr();
        }
        return e;
    }

    private EvalResult unary(UnaryExpr u, StepGrid g) {
        EvalResult r = eval(u.expr(), g);
        if (u.op() == UnaryExpr.UnaryOp.PLUS) {
            return r;
        }
        if (r instanceof EvalResult.Scalars s) {
            double[] v = s.values();
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
            return s;
        }
        List<StepSeries> in = ((EvalResult.Vectors) r).series();
        for (StepSeries s : in) {
            for (int i = 0; i < s.steps(); i++) {
                s.values[i] = -s.values[i];
            }
            NameDropping.drop(s, ctx.delayedNameRemoval());
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(in, false));
    }

    /** A range, offset or step as written: a constant, or a duration expression over the query's step and range. */
    private long duration(long fixed, Expr expr) {
        if (expr == null) {
            return fixed;
        }
        try {
            return DurationExpressions.evaluateMillis(expr, ctx.queryStep, ctx.queryEnd - ctx.queryStart);
        } catch (ArithmeticException e) {
            throw QueryException.execution(e.getMessage());
        }
    }

    /** Reference time per step of a selector or subquery: the step (or {@code @} time) minus the offset. */
    long[] referenceTimes(AtModifier at, long offset, StepGrid g) {
        long[] refs = new long[g.count()];
        for (int i = 0; i < refs.length; i++) {
            long t = at == null ? g.time(i) : switch (at.kind()) {
                case START -> ctx.queryStart;
                case END -> ctx.queryEnd;
                case TIMESTAMP -> at.timestampMillis();
            };
            refs[i] = t - offset;
        }
        return refs;
    }

    /**
     * Instant selection: per step the newest sample in {@code (ref - lookback, ref]}, unless it is a
     * stale marker. With {@code timestamps} the output is the stored sample's time in seconds.
     */
    EvalResult.Vectors selectInstant(VectorSelector vs, StepGrid g, boolean timestamps, String func) {
        SeriesCollector out = new SeriesCollector(ctx);
        selectInstant(vs, g, timestamps, func, out);
        return new EvalResult.Vectors(out.series());
    }

    private void selectInstant(VectorSelector vs, StepGrid g, boolean timestamps, String func, SeriesSink sink) {
        long[] refs = referenceTimes(vs.at(), duration(vs.offsetMillis(), vs.offsetExpr()), g);
        long lookback = ctx.options.lookbackDeltaMillis();
        long ahead = vs.smoothed() ? lookback : 0;
        try (SelectedSeries in = select(vs, min(refs) - lookback + 1, max(refs) + ahead, g.step(), 0, func, false)) {
            while (in.next()) {
                long[] t = in.timestamps();
                double[] v = in.values();
                int n = in.size();
                StepSeries s = sink.series(in.labels(), g.count());
                int j = 0;
                for (int step = 0; step < refs.length; step++) {
                    long ref = refs[step];
                    if (j > 0 && t[j - 1] > ref) {
                        j = 0; // reference times only go backwards for constant @ times; never in practice
                    }
                    while (j < n && t[j] <= ref) {
                        j++;
                    }
                    int last = j - 1;
                    if (last >= 0 && t[last] > ref - lookback && Double.doubleToRawLongBits(v[last]) != StaleNaN.BITS) {
                        double value = timestamps ? t[last] / 1000.0 : v[last];
                        if (ahead > 0 && t[last] < ref && j < n && t[j] <= ref + ahead
                                && Double.doubleToRawLongBits(v[j]) != StaleNaN.BITS) {
                            // smoothed: interpolate between the samples around the step
                            value = v[last] + (v[j] - v[last]) * (double) (ref - t[last]) / (double) (t[j] - t[last]);
                        }
                        s.set(step, value);
                    }
                }
                if (!s.isEmpty()) {
                    sink.accept(s);
                }
            }
        }
    }

    EvalResult.Range selectRange(MatrixSelector ms, StepGrid g, String func) {
        try (RangeOperand in = openRange(ms, g, func)) {
            return in.materialize(ctx);
        }
    }

    /** A matrix selector's series streamed from storage, with the windows of every step. */
    private RangeOperand openRange(MatrixSelector ms, StepGrid g, String func) {
        VectorSelector vs = ms.selector();
        long range = duration(ms.rangeMillis(), ms.rangeExpr());
        long[] refs = referenceTimes(vs.at(), duration(vs.offsetMillis(), vs.offsetExpr()), g);
        EvalResult.Edges edges = vs.smoothed() ? EvalResult.Edges.SMOOTHED
                : vs.anchored() ? EvalResult.Edges.ANCHORED : EvalResult.Edges.PLAIN;
        long lookback = edges == EvalResult.Edges.PLAIN ? 0 : ctx.options.lookbackDeltaMillis();
        long after = edges == EvalResult.Edges.SMOOTHED ? lookback : 0;
        SelectedSeries in = select(vs, min(refs) - range - lookback + 1, max(refs) + after, g.step(), range, func, true);
        return RangeOperand.stored(in, refs, range, edges, lookback);
    }

    private EvalResult.Range subquery(SubqueryExpr sq, StepGrid g) {
        long[] refs = referenceTimes(sq.at(), duration(sq.offsetMillis(), sq.offsetExpr()), g);
        long step = duration(sq.stepMillis(), sq.stepExpr());
        if (step <= 0) {
            step = ctx.options.defaultSubqueryStepMillis();
        }
        long range = duration(sq.rangeMillis(), sq.rangeExpr());
        long x = min(refs) - range;
        long first = step * (x / step);
        if (first <= x) {
            first += step;
        }
        long last = max(refs);
        if (first > last) {
            return new EvalResult.Range(new Labels[0], new boolean[0], new long[0][], new double[0][], new int[0], refs, range);
        }
        StepGrid inner = new StepGrid(first, step, Math.toIntExact((last - first) / step + 1));
        EvalResult r = eval(sq.expr(), inner);
        List<StepSeries> series = r instanceof EvalResult.Scalars s ? List.of(scalarSeries(s.values(), inner)) : ((EvalResult.Vectors) r).series();
        int n = series.size();
        Labels[] labels = new Labels[n];
        boolean[] drop = new boolean[n];
        long[][] ts = new long[n][];
        double[][] vs = new double[n][];
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            StepSeries s = series.get(i);
            labels[i] = s.labels;
            drop[i] = s.dropName;
            ts[i] = new long[s.count()];
            vs[i] = new double[s.count()];
            int k = 0;
            for (int st = 0; st < inner.count(); st++) {
                if (s.has(st)) {
                    ts[i][k] = inner.time(st);
                    vs[i][k++] = s.values[st];
                }
            }
            sizes[i] = k;
        }
        return new EvalResult.Range(labels, drop, ts, vs, sizes, refs, range);
    }

    private static StepSeries scalarSeries(double[] v, StepGrid g) {
        StepSeries s = new StepSeries(Labels.empty(), g.count());
        for (int i = 0; i < v.length; i++) {
            s.set(i, v[i]);
        }
        return s;
    }

    private SelectedSeries select(VectorSelector vs, long mint, long maxt, long step, long range, String func,
                                  boolean dropStale) {
        if (maxt < mint) {
            return SelectedSeries.none(ctx);
        }
        SelectHints hints = new SelectHints(mint, maxt, step, range, func, List.of(), false, false);
        return SelectedSeries.open(ctx, hints, vs.matchers(), dropStale);
    }

    static long min(long[] a) {
        long m = Long.MAX_VALUE;
        for (long x : a) {
            m = Math.min(m, x);
        }
        return m;
    }

    static long max(long[] a) {
        long m = Long.MIN_VALUE;
        for (long x : a) {
            m = Math.max(m, x);
        }
        return m;
    }
}
