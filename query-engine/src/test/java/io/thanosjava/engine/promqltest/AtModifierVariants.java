package io.thanosjava.engine.promqltest;

import io.thanosjava.promql.ast.AggregateExpr;
import io.thanosjava.promql.ast.AtModifier;
import io.thanosjava.promql.ast.BinaryExpr;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.MatrixSelector;
import io.thanosjava.promql.ast.ParenExpr;
import io.thanosjava.promql.ast.SubqueryExpr;
import io.thanosjava.promql.ast.UnaryExpr;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The step-invariance check of Prometheus' script runner: every selector and subquery without an
 * {@code @} gets {@code @ <eval time>} (nothing inside a subquery is touched), and the result must
 * not change when evaluated at other times. Expressions reading the clock are skipped.
 */
final class AtModifierVariants {
    private static final Set<String> CLOCK_FUNCTIONS = Set.of("time", "timestamp", "predict_linear", "days_in_month",
            "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year", "start", "end", "range", "step");

    private AtModifierVariants() {
    }

    /** The evaluation times of the variants, or an empty list when the expression reads the clock. */
    static List<Long> times(Expr e, long t) {
        if (readsClock(e)) {
            return List.of();
        }
        return t == 0 ? List.of(-1000L, 0L, 1000L) : List.of(-10 * t, 0L, t / 5, t, 10 * t);
    }

    static boolean readsClock(Expr e) {
        if (e instanceof Call c) {
            if (CLOCK_FUNCTIONS.contains(c.function().name())) {
                return true;
            }
            for (Expr a : c.args()) {
                if (readsClock(a)) {
                    return true;
                }
            }
            return false;
        }
        if (e instanceof AggregateExpr a) {
            return readsClock(a.expr()) || a.param() != null && readsClock(a.param());
        }
        if (e instanceof BinaryExpr b) {
            return readsClock(b.lhs()) || readsClock(b.rhs());
        }
        if (e instanceof UnaryExpr u) {
            return readsClock(u.expr());
        }
        if (e instanceof ParenExpr p) {
            return readsClock(p.expr());
        }
        if (e instanceof SubqueryExpr s) {
            return readsClock(s.expr());
        }
        return false;
    }

    /** {@code e} with {@code @ t} on every selector and subquery that has none. */
    static Expr pin(Expr e, long t) {
        AtModifier at = AtModifier.at(t);
        if (e instanceof VectorSelector v) {
            return v.at() != null ? v : withAt(v, at);
        }
        if (e instanceof MatrixSelector m) {
            VectorSelector v = m.selector();
            return v.at() != null ? m : new MatrixSelector(withAt(v, at), m.rangeMillis(), m.rangeExpr(), m.pos());
        }
        if (e instanceof SubqueryExpr s) {
            return s.at() != null ? s : new SubqueryExpr(s.expr(), s.rangeMillis(), s.rangeExpr(), s.stepMillis(), s.stepExpr(),
                    s.offsetMillis(), s.offsetExpr(), at, s.pos());
        }
        if (e instanceof Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(pin(a, t));
            }
            return new Call(c.function(), args, c.pos());
        }
        if (e instanceof AggregateExpr a) {
            return new AggregateExpr(a.op(), pin(a.expr(), t), a.param() == null ? null : pin(a.param(), t), a.grouping(),
                    a.without(), a.pos());
        }
        if (e instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), pin(b.lhs(), t), pin(b.rhs(), t), b.returnBool(), b.matching(), b.pos());
        }
        if (e instanceof UnaryExpr u) {
            return new UnaryExpr(u.op(), pin(u.expr(), t), u.pos());
        }
        if (e instanceof ParenExpr p) {
            return new ParenExpr(pin(p.expr(), t), p.pos());
        }
        return e;
    }

    private static VectorSelector withAt(VectorSelector v, AtModifier at) {
        return new VectorSelector(v.metricName(), v.matchers(), v.offsetMillis(), v.offsetExpr(), at, v.anchored(),
                v.smoothed(), v.pos());
    }
}
