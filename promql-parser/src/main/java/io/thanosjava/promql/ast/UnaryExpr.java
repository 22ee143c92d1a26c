package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/** Unary {@code -expr} or {@code +expr} on a non-literal (signs of number literals are folded in). */
public record UnaryExpr(UnaryOp op, Expr expr, PositionRange pos) implements Expr {
    public enum UnaryOp {
        PLUS("+"), MINUS("-");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public UnaryExpr {
        requireNonNull(op, "op is null");
        requireNonNull(expr, "expr is null");
        requireNonNull(pos, "pos is null");
    }

    public UnaryExpr(UnaryOp op, Expr expr) {
        this(op, expr, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitUnary(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnaryExpr u && u.op == op && u.expr.equals(expr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, expr);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
