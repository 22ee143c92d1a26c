package io.thanosjava.promql;

import io.thanosjava.promql.ast.AggregateExpr;
import io.thanosjava.promql.ast.BinaryExpr;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.MatrixSelector;
import io.thanosjava.promql.ast.ParenExpr;
import io.thanosjava.promql.ast.SubqueryExpr;
import io.thanosjava.promql.ast.UnaryExpr;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayDeque;

/**
 * Rejects trees deeper than the configured limit, measured without recursion. Long chains of
 * left-associative operators ({@code a + b + c ...}) are parsed by a loop, so the parser's own
 * depth counter does not see them; this check keeps every later recursive walk (type checking,
 * printing, evaluation) within a small, known stack depth.
 */
final class NestingLimit {
    private NestingLimit() {
    }

    static void check(Expr root, int maxDepth, String query) {
        ArrayDeque<Expr> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            Expr e = nodes.pop();
            int d = depths.pop();
            if (d > maxDepth) {
                throw new ParseException(new ParseException.Error(e.pos(),
                        "query is nested too deeply (more than " + maxDepth + " levels)", query));
            }
            pushChildren(e, d + 1, nodes, depths);
        }
    }

    private static void pushChildren(Expr e, int d, ArrayDeque<Expr> nodes, ArrayDeque<Integer> depths) {
        if (e instanceof BinaryExpr b) {
            push(b.rhs(), d, nodes, depths);
            push(b.lhs(), d, nodes, depths);
        } else if (e instanceof UnaryExpr u) {
            push(u.expr(), d, nodes, depths);
        } else if (e instanceof ParenExpr p) {
            push(p.expr(), d, nodes, depths);
        } else if (e instanceof Call c) {
            for (Expr a : c.args()) {
                push(a, d, nodes, depths);
            }
        } else if (e instanceof AggregateExpr a) {
            push(a.expr(), d, nodes, depths);
            push(a.param(), d, nodes, depths);
        } else if (e instanceof SubqueryExpr s) {
            push(s.expr(), d, nodes, depths);
            push(s.rangeExpr(), d, nodes, depths);
            push(s.stepExpr(), d, nodes, depths);
            push(s.offsetExpr(), d, nodes, depths);
        } else if (e instanceof MatrixSelector m) {
            push(m.selector(), d, nodes, depths);
            push(m.rangeExpr(), d, nodes, depths);
        } else if (e instanceof VectorSelector v) {
            push(v.offsetExpr(), d, nodes, depths);
        }
    }

    private static void push(Expr e, int d, ArrayDeque<Expr> nodes, ArrayDeque<Integer> depths) {
        if (e != null) {
            nodes.push(e);
            depths.push(d);
        }
    }
}
