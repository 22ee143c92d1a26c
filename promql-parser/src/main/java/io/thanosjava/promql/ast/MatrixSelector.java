package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * A range vector selector {@code selector[range]}; offset and {@code @} live on the inner selector.
 *
 * @param rangeExpr the duration expression the range was written as (newer syntax), else null;
 *     when it depends on {@code step()}/{@code range()}, {@code rangeMillis} is 0 until the engine resolves it
 */
public record MatrixSelector(VectorSelector selector, long rangeMillis, Expr rangeExpr, PositionRange pos) implements Expr {
    public MatrixSelector {
        requireNonNull(selector, "selector is null");
        requireNonNull(pos, "pos is null");
    }

    public MatrixSelector(VectorSelector selector, long rangeMillis) {
        this(selector, rangeMillis, null, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return ValueType.RANGE_VECTOR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitMatrixSelector(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatrixSelector m && m.selector.equals(selector) && m.rangeMillis == rangeMillis
                && Objects.equals(m.rangeExpr, rangeExpr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(selector, rangeMillis, rangeExpr);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
