package io.thanosjava.promql.ast;

/** Double dispatch over the node types of {@link Expr}. */
public interface ExprVisitor<R> {
    R visitNumber(NumberLiteral node);

    R visitString(StringLiteral node);

    R visitVectorSelector(VectorSelector node);

    R visitMatrixSelector(MatrixSelector node);

    R visitSubquery(SubqueryExpr node);

    R visitCall(Call node);

    R visitAggregate(AggregateExpr node);

    R visitBinary(BinaryExpr node);

    R visitUnary(UnaryExpr node);

    R visitParen(ParenExpr node);
}
