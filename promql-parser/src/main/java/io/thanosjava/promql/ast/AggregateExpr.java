package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;

/**
 * An aggregation such as {@code topk by (job) (3, x)}.
 *
 * @param param the parameter of {@code topk}, {@code bottomk}, {@code quantile}, {@code count_values},
 *     {@code limitk}, {@code limit_ratio}; null for the others
 * @param grouping the {@code by} / {@code without} labels in written order
 * @param without true for {@code without}, false for {@code by} or no grouping clause
 */
public record AggregateExpr(AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without,
                            PositionRange pos) implements Expr {
    public AggregateExpr {
        requireNonNull(op, "op is null");
        requireNonNull(expr, "expr is null");
        grouping = List.copyOf(requireNonNull(grouping, "grouping is null"));
        requireNonNull(pos, "pos is null");
    }

    public AggregateExpr(AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without) {
        this(op, expr, param, grouping, without, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return ValueType.INSTANT_VECTOR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitAggregate(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AggregateExpr a && a.op == op && a.expr.equals(expr) && Objects.equals(a.param, param)
                && a.grouping.equals(grouping) && a.without == without;
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, expr, param, grouping, without);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
