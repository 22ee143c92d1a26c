package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

/**
 * A scalar literal such as {@code 1}, {@code 0x1f}, {@code -Inf} or a duration used as seconds
 * ({@code 5m} = 300).
 *
 * @param duration whether it was written as a duration; only printing uses it ({@code 5m} prints
 *     back as {@code 5m}), equality ignores it
 */
public record NumberLiteral(double value, boolean duration, PositionRange pos) implements Expr {
    public NumberLiteral {
        requireNonNull(pos, "pos is null");
    }

    public NumberLiteral(double value, PositionRange pos) {
        this(value, false, pos);
    }

    public NumberLiteral(double value) {
        this(value, false, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNumber(this);
    }

    /** Bitwise comparison so that NaN equals NaN and -0 differs from 0, as the printed forms do. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NumberLiteral n && Double.doubleToLongBits(n.value) == Double.doubleToLongBits(value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
