package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * A subquery {@code expr[range:step] offset d @ t}.
 *
 * @param stepMillis the resolution; 0 means "the engine's default evaluation interval"
 * @param rangeExpr, stepExpr, offsetExpr the duration expressions as written (newer syntax), else null
 */
public record SubqueryExpr(Expr expr, long rangeMillis, Expr rangeExpr, long stepMillis, Expr stepExpr,
                           long offsetMillis, Expr offsetExpr, AtModifier at, PositionRange pos) implements Expr {
    public SubqueryExpr {
        requireNonNull(expr, "expr is null");
        requireNonNull(pos, "pos is null");
    }

    public SubqueryExpr(Expr expr, long rangeMillis, long stepMillis) {
        this(expr, rangeMillis, null, stepMillis, null, 0, null, null, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return ValueType.RANGE_VECTOR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitSubquery(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubqueryExpr s && s.expr.equals(expr) && s.rangeMillis == rangeMillis
                && Objects.equals(s.rangeExpr, rangeExpr) && s.stepMillis == stepMillis
                && Objects.equals(s.stepExpr, stepExpr) && s.offsetMillis == offsetMillis
                && Objects.equals(s.offsetExpr, offsetExpr) && Objects.equals(s.at, at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expr, rangeMillis, rangeExpr, stepMillis, stepExpr, offsetMillis, offsetExpr, at);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
