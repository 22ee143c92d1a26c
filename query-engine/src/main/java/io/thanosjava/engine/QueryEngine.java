package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.eval.EvalContext;
import io.thanosjava.engine.eval.EvalResult;
import io.thanosjava.engine.eval.Evaluator;
import io.thanosjava.engine.eval.ResultAssembler;
import io.thanosjava.engine.eval.StepGrid;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.ValueType;
import java.util.ArrayList;

/**
 * Evaluates parsed PromQL expressions over a {@link Queryable} with Prometheus 3.x semantics.
 * Thread-safe: one engine serves any number of concurrent queries; each query's state lives in its
 * own {@link EvalContext}.
 */
public final class QueryEngine {
    private final QueryOptions defaults;

    /** An engine whose queries run with {@code defaults} unless given other options. */
    public QueryEngine(QueryOptions defaults) {
        this.defaults = requireNonNull(defaults, "defaults is null");
    }

    /** The options of queries run without explicit ones. */
    public QueryOptions defaults() {
        return defaults;
    }

    /** Evaluates {@code expr} at {@code timeMillis} with the engine's default options. */
    public QueryResult instantQuery(Queryable queryable, Expr expr, long timeMillis) {
        return instantQuery(queryable, expr, timeMillis, defaults, new CancelHandle());
    }

    /**
     * Evaluates {@code expr} at {@code timeMillis} with {@code options}; {@code cancel} stops it.
     *
     * @throws QueryException when evaluation fails (limits, timeout, cancellation, storage failures)
     */
    public QueryResult instantQuery(Queryable queryable, Expr expr, long timeMillis, QueryOptions options,
                                    CancelHandle cancel) {
        requireNonNull(queryable, "queryable is null");
        requireNonNull(expr, "expr is null");
        requireNonNull(options, "options is null");
        requireNonNull(cancel, "cancel is null");
        long began = System.nanoTime();
        EvalContext ctx = new EvalContext(queryable, options, timeMillis, timeMillis, 0, cancel);
        EvalResult r = new Evaluator(ctx).eval(expr, new StepGrid(timeMillis, 1, 1));
        Value v = ResultAssembler.instant(r, timeMillis, options.delayedNameRemoval());
        return result(v, ctx, began);
    }

    /** Evaluates {@code expr} at {@code start, start + step, ... <= end}; only scalar and instant-vector expressions. */
    public QueryResult rangeQuery(Queryable queryable, Expr expr, long start, long end, long step) {
        return rangeQuery(queryable, expr, start, end, step, defaults, new CancelHandle());
    }

    /**
     * Evaluates {@code expr} at {@code start, start + step, ... <= end} with {@code options}; {@code cancel} stops it.
     *
     * @throws QueryException {@code bad_data} for a bad range or expression type; otherwise as for instant queries
     */
    public QueryResult rangeQuery(Queryable queryable, Expr expr, long start, long end, long step, QueryOptions options,
                                  CancelHandle cancel) {
        requireNonNull(queryable, "queryable is null");
        requireNonNull(expr, "expr is null");
        requireNonNull(options, "options is null");
        requireNonNull(cancel, "cancel is null");
        if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.INSTANT_VECTOR) {
            throw new QueryException(QueryException.Type.BAD_DATA, "invalid expression type \"" + expr.type().documentedName()
                    + "\" for range query, must be Scalar or instant Vector");
        }
        if (step <= 0) {
            throw new QueryException(QueryException.Type.BAD_DATA,
                    "zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        if (end < start) {
            throw new QueryException(QueryException.Type.BAD_DATA, "end timestamp must not be before start time");
        }
        long began = System.nanoTime();
        StepGrid grid = StepGrid.of(start, end, step);
        EvalContext ctx = new EvalContext(queryable, options, start, end, step, cancel);
        EvalResult r = new Evaluator(ctx).eval(expr, grid);
        Value v = ResultAssembler.range(r, grid, options.delayedNameRemoval());
        return result(v, ctx, began);
    }

    private static QueryResult result(Value v, EvalContext ctx, long began) {
        QueryStats stats = new QueryStats(ctx.samplesLoaded(), ctx.peakSamples(), System.nanoTime() - began);
        return new QueryResult(v, new ArrayList<>(ctx.warnings()), new ArrayList<>(ctx.infos()), stats);
    }
}
