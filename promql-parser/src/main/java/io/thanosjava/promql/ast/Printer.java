package io.thanosjava.promql.ast;

import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.model.LabelMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Single-line PromQL for a tree, in Prometheus' layout ({@code sum by (job) (rate(x[5m]))},
 * {@code foo{a="b",c="d"} @ 10.000 offset 5m}). The canonical form keeps label matchers in
 * written order so that it parses back to an equal tree; the Prometheus form sorts them as
 * Prometheus' own printer does.
 */
public final class Printer implements ExprVisitor<Void> {
    private final StringBuilder out;
    private final boolean sortMatchers;

    private Printer(StringBuilder out, boolean sortMatchers) {
        this.out = out;
        this.sortMatchers = sortMatchers;
    }

    /** Canonical PromQL for {@code expr}: parses back to an equal tree. */
    public static String print(Expr expr) {
        StringBuilder sb = new StringBuilder(64);
        expr.accept(new Printer(sb, false));
        return sb.toString();
    }

    /** Exactly Prometheus' {@code String()} of the node (label matchers sorted). */
    public static String printLikePrometheus(Expr expr) {
        StringBuilder sb = new StringBuilder(64);
        expr.accept(new Printer(sb, true));
        return sb.toString();
    }

    private void emit(Expr e) {
        e.accept(this);
    }

    @Override
    public Void visitNumber(NumberLiteral node) {
        double v = node.value();
        if (node.duration() && isWholeMillis(v)) {
            long millis = Math.round(v * 1000);
            out.append(millis < 0 ? "-" : "").append(Durations.format(Math.abs(millis)));
            return null;
        }
        // Go prints negative zero as "-0"; keep it so that the sign survives a round trip.
        out.append(v == 0 && Double.doubleToRawLongBits(v) != 0 ? "-0" : GoFloatFormat.formatF(v));
        return null;
    }

    @Override
    public Void visitString(StringLiteral node) {
        GoFormat.quote(node.value(), out);
        return null;
    }

    @Override
    public Void visitVectorSelector(VectorSelector node) {
        appendSelectorBody(node);
        appendAt(node.at());
        appendRangeModifiers(node);
        appendOffset(node.offsetMillis(), node.offsetExpr());
        return null;
    }

    @Override
    public Void visitMatrixSelector(MatrixSelector node) {
        VectorSelector vs = node.selector();
        appendSelectorBody(vs);
        out.append('[');
        appendDuration(node.rangeMillis(), node.rangeExpr());
        out.append(']');
        appendRangeModifiers(vs);
        appendAt(vs.at());
        appendOffset(vs.offsetMillis(), vs.offsetExpr());
        return null;
    }

    @Override
    public Void visitSubquery(SubqueryExpr node) {
        emit(node.expr());
        appendSubquerySuffix(node);
        return null;
    }

    private void appendSubquerySuffix(SubqueryExpr node) {
        out.append('[');
        appendDuration(node.rangeMillis(), node.rangeExpr());
        out.append(':');
        if (node.stepMillis() != 0 || node.stepExpr() != null) {
            appendDuration(node.stepMillis(), node.stepExpr());
        }
        out.append(']');
        appendAt(node.at());
        appendOffset(node.offsetMillis(), node.offsetExpr());
    }

    @Override
    public Void visitCall(Call node) {
        out.append(node.function().name()).append('(');
        appendList(node.args());
        out.append(')');
        return null;
    }

    @Override
    public Void visitAggregate(AggregateExpr node) {
        appendAggregateHead(node, out);
        out.append('(');
        if (node.param() != null) {
            emit(node.param());
            out.append(", ");
        }
        emit(node.expr());
        out.append(')');
        return null;
    }

    @Override
    public Void visitBinary(BinaryExpr node) {
        if (!sortMatchers && node.op() == BinaryOp.POW && node.lhs() instanceof NumberLiteral n
                && n.value() == Double.POSITIVE_INFINITY) {
            // "+Inf ^ x" would read back as +(Inf ^ x): unary signs bind looser than '^'.
            out.append("Inf");
        } else {
            emit(node.lhs());
        }
        out.append(' ');
        appendOperator(node, out);
        out.append(' ');
        emit(node.rhs());
        return null;
    }

    @Override
    public Void visitUnary(UnaryExpr node) {
        out.append(node.op().symbol());
        emit(node.expr());
        return null;
    }

    @Override
    public Void visitParen(ParenExpr node) {
        out.append('(');
        emit(node.expr());
        out.append(')');
        return null;
    }

    /** Whether seconds {@code v} print exactly as a duration (always so for parsed duration literals). */
    private static boolean isWholeMillis(double v) {
        double millis = v * 1000;
        return Math.abs(millis) < 1e15 && millis == Math.rint(millis) && Math.rint(millis) / 1000 == v;
    }

    /** {@code sum}, or {@code sum by (job) } with its trailing space, as Prometheus prints it. */
    static void appendAggregateHead(AggregateExpr node, StringBuilder out) {
        out.append(node.op().keyword());
        if (node.without() || !node.grouping().isEmpty()) {
            out.append(node.without() ? " without (" : " by (");
            appendLabels(node.grouping(), out);
            out.append(") ");
        }
    }

    /** The subquery's {@code [range:step] @ t offset d} suffix. */
    static String subquerySuffix(SubqueryExpr node, boolean prometheusLayout) {
        StringBuilder sb = new StringBuilder(32);
        Printer p = new Printer(sb, prometheusLayout);
        p.appendSubquerySuffix(node);
        return sb.toString();
    }

    /** The operator with its {@code bool}, {@code on}/{@code ignoring}, {@code group_x} and fill modifiers. */
    static void appendOperator(BinaryExpr node, StringBuilder out) {
        out.append(node.op().symbol());
        if (node.returnBool()) {
            out.append(" bool");
        }
        VectorMatching vm = node.matching();
        if (vm == null) {
            return;
        }
        boolean grouped = vm.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE
                || vm.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY;
        if (vm.on() || !vm.matchingLabels().isEmpty() || grouped) {
            out.append(vm.on() ? " on (" : " ignoring (");
            appendLabels(vm.matchingLabels(), out);
            out.append(')');
            if (grouped) {
                out.append(vm.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? " group_left (" : " group_right (");
                appendLabels(vm.include(), out);
                out.append(')');
            }
        }
        appendFill(vm.fillLeft(), vm.fillRight(), out);
    }

    private static void appendFill(Double left, Double right, StringBuilder out) {
        if (left != null && right != null && Double.doubleToLongBits(left) == Double.doubleToLongBits(right)) {
            out.append(" fill (").append(GoFormat.formatFloat(left)).append(')');
            return;
        }
        if (left != null) {
            out.append(" fill_left (").append(GoFormat.formatFloat(left)).append(')');
        }
        if (right != null) {
            out.append(" fill_right (").append(GoFormat.formatFloat(right)).append(')');
        }
    }

    private void appendList(List<Expr> exprs) {
        for (int i = 0; i < exprs.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            emit(exprs.get(i));
        }
    }

    static void appendLabels(List<String> labels, StringBuilder out) {
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            appendLabelName(labels.get(i), out);
        }
    }

    static void appendLabelName(String name, StringBuilder out) {
        if (Names.isLegacyLabelName(name)) {
            out.append(name);
        } else {
            GoFormat.quote(name, out);
        }
    }

    /** {@code name{matchers}} without modifiers; the name's own {@code __name__} matcher is implied. */
    private void appendSelectorBody(VectorSelector node) {
        String name = node.metricName();
        boolean bareName = name != null && Names.isLegacyMetricName(name);
        List<String> printed = new ArrayList<>(node.matchers().size() + 1);
        if (name != null && !bareName) {
            printed.add(quoted(name));
        }
        boolean skippedName = false;
        for (LabelMatcher m : node.matchers()) {
            if (!skippedName && name != null && isNameMatcher(m, name)) {
                skippedName = true;
                continue;
            }
            StringBuilder sb = new StringBuilder(m.name().length() + m.value().length() + 4);
            appendLabelName(m.name(), sb);
            sb.append(m.type().op());
            GoFormat.quote(m.value(), sb);
            printed.add(sb.toString());
        }
        if (bareName) {
            out.append(name);
        }
        if (printed.isEmpty()) {
            if (name == null) {
                out.append("{}");
            }
            return;
        }
        if (sortMatchers) {
            Collections.sort(printed);
        }
        out.append('{');
        for (int i = 0; i < printed.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(printed.get(i));
        }
        out.append('}');
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        GoFormat.quote(s, sb);
        return sb.toString();
    }

    private static boolean isNameMatcher(LabelMatcher m, String name) {
        return m.type() == LabelMatcher.Type.EQ && m.name().equals("__name__") && m.value().equals(name);
    }

    private void appendRangeModifiers(VectorSelector vs) {
        if (vs.anchored()) {
            out.append(" anchored");
        }
        if (vs.smoothed()) {
            out.append(" smoothed");
        }
    }

    private void appendOffset(long offsetMillis, Expr offsetExpr) {
        if (offsetExpr != null) {
            out.append(" offset ");
            emit(offsetExpr);
        } else if (offsetMillis > 0) {
            out.append(" offset ").append(Durations.format(offsetMillis));
        } else if (offsetMillis < 0) {
            out.append(" offset -").append(Durations.format(-offsetMillis));
        }
    }

    private void appendAt(AtModifier at) {
        if (at == null) {
            return;
        }
        switch (at.kind()) {
            case START -> out.append(" @ start()");
            case END -> out.append(" @ end()");
            default -> out.append(" @ ").append(Durations.formatSecondsMillis(at.timestampMillis()));
        }
    }

    private void appendDuration(long millis, Expr expr) {
        if (expr != null) {
            emit(expr);
        } else {
            out.append(Durations.format(millis));
        }
    }
}
