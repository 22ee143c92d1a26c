package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

/** A parenthesized expression, kept so that printing preserves the written grouping. */
public record ParenExpr(Expr expr, PositionRange pos) implements Expr {
    public ParenExpr {
        requireNonNull(expr, "expr is null");
        requireNonNull(pos, "pos is null");
    }

    public ParenExpr(Expr expr) {
        this(expr, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitParen(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParenExpr p && p.expr.equals(expr);
    }

    @Override
    public int hashCode() {
        return 31 * expr.hashCode();
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
