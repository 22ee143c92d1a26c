package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

/** A string literal (the unquoted value). */
public record StringLiteral(String value, PositionRange pos) implements Expr {
    public StringLiteral {
        requireNonNull(value, "value is null");
        requireNonNull(pos, "pos is null");
    }

    public StringLiteral(String value) {
        this(value, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitString(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringLiteral s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
