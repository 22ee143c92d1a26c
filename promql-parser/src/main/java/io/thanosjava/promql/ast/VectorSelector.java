package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.LabelMatcher;
import java.util.List;
import java.util.Objects;

/**
 * An instant vector selector such as {@code http_requests_total{job="api"} offset 5m @ 1700000000}.
 *
 * @param metricName the name written before the braces (or as a lone quoted string inside them), else null
 * @param matchers all matchers in written order; a {@code metricName} adds a final {@code __name__="..."} matcher
 * @param offsetMillis the offset, negative to look ahead; 0 if none
 * @param offsetExpr the duration expression the offset was written as (newer syntax), else null;
 *     when it depends on {@code step()}/{@code range()}, {@code offsetMillis} is 0 until the engine resolves it
 * @param at the {@code @} modifier, else null
 * @param anchored the {@code anchored} range modifier (newer syntax, only meaningful inside a range selector)
 * @param smoothed the {@code smoothed} modifier (newer syntax)
 */
public record VectorSelector(String metricName, List<LabelMatcher> matchers, long offsetMillis, Expr offsetExpr,
                             AtModifier at, boolean anchored, boolean smoothed, PositionRange pos) implements Expr {
    public VectorSelector {
        matchers = List.copyOf(requireNonNull(matchers, "matchers is null"));
        requireNonNull(pos, "pos is null");
    }

    /** A plain selector without modifiers. */
    public VectorSelector(String metricName, List<LabelMatcher> matchers) {
        this(metricName, matchers, 0, null, null, false, false, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return ValueType.INSTANT_VECTOR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitVectorSelector(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorSelector v && Objects.equals(v.metricName, metricName) && v.matchers.equals(matchers)
                && v.offsetMillis == offsetMillis && Objects.equals(v.offsetExpr, offsetExpr) && Objects.equals(v.at, at)
                && v.anchored == anchored && v.smoothed == smoothed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metricName, matchers, offsetMillis, offsetExpr, at, anchored, smoothed);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
