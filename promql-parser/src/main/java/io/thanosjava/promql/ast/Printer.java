package io.thanosjava.promql.ast;

import io.thanosjava.model.LabelMatcher;
import java.util.List;

/** Canonical single-line PromQL for a tree; the output parses back to an equal tree. */
public final class Printer implements ExprVisitor<Void> {
    private final StringBuilder out;

    private Printer(StringBuilder out) {
        this.out = out;
    }

    /** Canonical PromQL for {@code expr}. */
    public static String print(Expr expr) {
        StringBuilder sb = new StringBuilder(64);
        expr.accept(new Printer(sb));
        return sb.toString();
    }

    private void emit(Expr e) {
        e.accept(this);
    }

    @Override
    public Void visitNumber(NumberLiteral node) {
        out.append(GoFormat.formatFloat(node.value()));
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
        appendRangeModifiers(node);
        appendModifiers(node.offsetMillis(), node.offsetExpr(), node.at());
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
        appendModifiers(vs.offsetMillis(), vs.offsetExpr(), vs.at());
        return null;
    }

    @Override
    public Void visitSubquery(SubqueryExpr node) {
        emit(node.expr());
        out.append('[');
        appendDuration(node.rangeMillis(), node.rangeExpr());
        out.append(':');
        if (node.stepMillis() != 0 || node.stepExpr() != null) {
            appendDuration(node.stepMillis(), node.stepExpr());
        }
        out.append(']');
        appendModifiers(node.offsetMillis(), node.offsetExpr(), node.at());
        return null;
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
        out.append(node.op().keyword());
        if (node.without() || !node.grouping().isEmpty()) {
            out.append(node.without() ? " without (" : " by (");
            appendLabels(node.grouping());
            out.append(") ");
        }
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
        emit(node.lhs());
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

    private void appendLabels(List<String> labels) {
        appendLabels(labels, out);
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
        boolean nameInBraces = name != null && !Names.isLegacyMetricName(name);
        if (name != null && !nameInBraces) {
            out.append(name);
        }
        int printed = 0;
        boolean braces = false;
        if (nameInBraces) {
            out.append('{');
            braces = true;
            GoFormat.quote(name, out);
            printed++;
        }
        boolean skippedName = false;
        for (LabelMatcher m : node.matchers()) {
            if (!skippedName && name != null && isNameMatcher(m, name)) {
                skippedName = true;
                continue;
            }
            if (!braces) {
                out.append('{');
                braces = true;
            }
            if (printed++ > 0) {
                out.append(", ");
            }
            appendLabelName(m.name(), out);
            out.append(m.type().op());
            GoFormat.quote(m.value(), out);
        }
        if (braces) {
            out.append('}');
        } else if (name == null) {
            out.append("{}");
        }
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

    private void appendModifiers(long offsetMillis, Expr offsetExpr, AtModifier at) {
        if (offsetExpr != null) {
            out.append(" offset ");
            emit(offsetExpr);
        } else if (offsetMillis > 0) {
            out.append(" offset ").append(Durations.format(offsetMillis));
        } else if (offsetMillis < 0) {
            out.append(" offset -").append(Durations.format(-offsetMillis));
        }
        if (at != null) {
            switch (at.kind()) {
                case START -> out.append(" @ start()");
                case END -> out.append(" @ end()");
                default -> out.append(" @ ").append(Durations.formatSecondsMillis(at.timestampMillis()));
            }
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
