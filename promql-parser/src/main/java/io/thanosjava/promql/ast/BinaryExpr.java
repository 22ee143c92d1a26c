package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * A binary operation.
 *
 * @param returnBool the {@code bool} modifier of a comparison
 * @param matching how series are matched; non-null exactly when both operands are instant vectors
 *     (set operators always get {@link VectorMatching.Cardinality#MANY_TO_MANY})
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching,
                         PositionRange pos) implements Expr {
    public BinaryExpr {
        requireNonNull(op, "op is null");
        requireNonNull(lhs, "lhs is null");
        requireNonNull(rhs, "rhs is null");
        requireNonNull(pos, "pos is null");
    }

    public BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) {
        this(op, lhs, rhs, returnBool, matching, PositionRange.NONE);
    }

    /** Scalar if both operands are scalars, otherwise instant vector. */
    @Override
    public ValueType type() {
        return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.INSTANT_VECTOR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryExpr b && b.op == op && b.lhs.equals(lhs) && b.rhs.equals(rhs)
                && b.returnBool == returnBool && Objects.equals(b.matching, matching);
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, lhs, rhs, returnBool, matching);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
