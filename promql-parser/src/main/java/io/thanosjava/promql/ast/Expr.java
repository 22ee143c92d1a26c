package io.thanosjava.promql.ast;

/**
 * A PromQL expression node. Nodes are immutable; {@code equals}/{@code hashCode} compare the
 * structure and ignore {@link #pos()}. {@code toString()} prints canonical PromQL that parses back
 * to an equal tree.
 */
public sealed interface Expr
        permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, SubqueryExpr, Call,
                AggregateExpr, BinaryExpr, UnaryExpr, ParenExpr {

    /** The type this expression evaluates to. */
    ValueType type();

    /** Where the expression was found in the query text ({@link PositionRange#NONE} if built by code). */
    PositionRange pos();

    <R> R accept(ExprVisitor<R> visitor);
}
