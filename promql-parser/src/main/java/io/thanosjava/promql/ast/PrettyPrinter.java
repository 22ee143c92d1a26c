package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * Prometheus' query formatter (what {@code /api/v1/format_query} returns): a node whose
 * single-line form is longer than 100 bytes is split, its children indented two spaces per level;
 * shorter nodes stay on one line.
 */
public final class PrettyPrinter {
    private static final int MAX_CHARACTERS_PER_LINE = 100;
    private static final String INDENT = "  ";

    private PrettyPrinter() {
    }

    /** The formatted query. */
    public static String format(Expr expr) {
        requireNonNull(expr, "expr is null");
        StringBuilder out = new StringBuilder(128);
        pretty(expr, 0, out);
        return out.toString();
    }

    private static void pretty(Expr e, int level, StringBuilder out) {
        String flat = Printer.printLikePrometheus(e);
        boolean split = flat.getBytes(StandardCharsets.UTF_8).length > MAX_CHARACTERS_PER_LINE;
        if (e instanceof SubqueryExpr s) {
            // Prometheus leaves an unsplit subquery unindented.
            if (!split) {
                out.append(flat);
            } else {
                pretty(s.expr(), level, out);
                out.append(Printer.subquerySuffix(s, true));
            }
            return;
        }
        if (e instanceof UnaryExpr u) {
            indent(level, out).append(u.op().symbol());
            StringBuilder child = new StringBuilder();
            pretty(u.expr(), level, child);
            out.append(child.toString().strip());
            return;
        }
        if (e instanceof BinaryExpr b && split) {
            // The operands indent themselves; the operator line sits at this level.
            pretty(b.lhs(), level + 1, out);
            out.append('\n');
            indent(level, out);
            Printer.appendOperator(b, out);
            out.append('\n');
            pretty(b.rhs(), level + 1, out);
            return;
        }
        indent(level, out);
        if (!split) {
            out.append(flat);
        } else if (e instanceof AggregateExpr a) {
            Printer.appendAggregateHead(a, out);
            out.append("(\n");
            if (a.param() != null) {
                pretty(a.param(), level + 1, out);
                out.append(",\n");
            }
            pretty(a.expr(), level + 1, out);
            closeBlock(level, out);
        } else if (e instanceof Call c) {
            out.append(c.function().name()).append("(\n");
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    out.append(",\n");
                }
                pretty(c.args().get(i), level + 1, out);
            }
            closeBlock(level, out);
        } else if (e instanceof ParenExpr p) {
            out.append("(\n");
            pretty(p.expr(), level + 1, out);
            closeBlock(level, out);
        } else {
            out.append(flat);
        }
    }

    private static void closeBlock(int level, StringBuilder out) {
        out.append('\n');
        indent(level, out).append(')');
    }

    private static StringBuilder indent(int level, StringBuilder out) {
        for (int i = 0; i < level; i++) {
            out.append(INDENT);
        }
        return out;
    }
}
