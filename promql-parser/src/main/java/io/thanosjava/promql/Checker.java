package io.thanosjava.promql;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.promql.ast.AggregateExpr;
import io.thanosjava.promql.ast.AggregateOp;
import io.thanosjava.promql.ast.BinaryExpr;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.Function;
import io.thanosjava.promql.ast.MatrixSelector;
import io.thanosjava.promql.ast.ParenExpr;
import io.thanosjava.promql.ast.PositionRange;
import io.thanosjava.promql.ast.SubqueryExpr;
import io.thanosjava.promql.ast.UnaryExpr;
import io.thanosjava.promql.ast.ValueType;
import io.thanosjava.promql.ast.VectorMatching;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus' type checks (its {@code checkAST}), run after a successful parse, collecting every
 * error in the order Prometheus finds them. It also drops the vector matching of binary
 * operations that have a scalar side and makes set operations many-to-many, returning the
 * adjusted tree.
 */
final class Checker {
    private final String input;
    private final List<ParseException.Error> errors = new ArrayList<>();

    private Checker(String input) {
        this.input = input;
    }

    static Expr check(Expr e, String input) {
        Checker c = new Checker(input);
        Expr checked = c.visit(e, false);
        if (!c.errors.isEmpty()) {
            throw new ParseException(c.errors);
        }
        return checked;
    }

    private void add(PositionRange pos, String message) {
        errors.add(new ParseException.Error(pos, message, input));
    }

    private Expr expectType(Expr e, ValueType want, String context) {
        Expr checked = visit(e, false);
        if (checked.type() != want) {
            add(e.pos(), "expected type " + want.documentedName() + " in " + context + ", got " + checked.type().documentedName());
        }
        return checked;
    }

    private Expr visit(Expr e, boolean bypassEmptyMatcherCheck) {
        if (e instanceof AggregateExpr a) {
            return checkAggregate(a);
        }
        if (e instanceof BinaryExpr b) {
            return checkBinary(b);
        }
        if (e instanceof Call c) {
            return checkCall(c);
        }
        if (e instanceof ParenExpr p) {
            Expr inner = visit(p.expr(), false);
            return inner == p.expr() ? p : new ParenExpr(inner, p.pos());
        }
        if (e instanceof UnaryExpr u) {
            Expr inner = visit(u.expr(), false);
            ValueType t = inner.type();
            if (t != ValueType.SCALAR && t != ValueType.INSTANT_VECTOR) {
                add(u.pos(), "unary expression only allowed on expressions of type scalar or instant vector, got \""
                        + t.documentedName() + "\"");
            }
            return inner == u.expr() ? u : new UnaryExpr(u.op(), inner, u.pos());
        }
        if (e instanceof SubqueryExpr s) {
            Expr inner = visit(s.expr(), false);
            if (inner.type() != ValueType.INSTANT_VECTOR) {
                add(s.pos(), "subquery is only allowed on instant vector, got " + inner.type().apiName() + " instead");
            }
            return inner == s.expr() ? s : new SubqueryExpr(inner, s.rangeMillis(), s.rangeExpr(), s.stepMillis(),
                    s.stepExpr(), s.offsetMillis(), s.offsetExpr(), s.at(), s.pos());
        }
        if (e instanceof MatrixSelector m) {
            checkSelector(m.selector(), false);
            return m;
        }
        if (e instanceof VectorSelector v) {
            checkSelector(v, bypassEmptyMatcherCheck);
            return v;
        }
        return e;
    }

    private Expr checkAggregate(AggregateExpr a) {
        Expr inner = expectType(a.expr(), ValueType.INSTANT_VECTOR, "aggregation expression");
        Expr param = a.param();
        AggregateOp op = a.op();
        if (op == AggregateOp.TOPK || op == AggregateOp.BOTTOMK || op == AggregateOp.QUANTILE
                || op == AggregateOp.LIMITK || op == AggregateOp.LIMIT_RATIO) {
            param = expectType(param, ValueType.SCALAR, "aggregation parameter");
        } else if (op == AggregateOp.COUNT_VALUES) {
            param = expectType(param, ValueType.STRING, "aggregation parameter");
        }
        if (inner == a.expr() && param == a.param()) {
            return a;
        }
        return new AggregateExpr(op, inner, param, a.grouping(), a.without(), a.pos());
    }

    private Expr checkBinary(BinaryExpr b) {
        Expr lhs = visit(b.lhs(), false);
        Expr rhs = visit(b.rhs(), false);
        ValueType lt = lhs.type();
        ValueType rt = rhs.type();
        if (b.returnBool() && !b.op().isComparison()) {
            add(operatorRange(b), "bool modifier can only be used on comparison operators");
        }
        if (b.op().isComparison() && !b.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            add(operatorRange(b), "comparisons between scalars must use BOOL modifier");
        }
        VectorMatching vm = b.matching();
        if (vm != null && b.op().isSetOperator() && vm.cardinality() == VectorMatching.Cardinality.ONE_TO_ONE) {
            vm = new VectorMatching(VectorMatching.Cardinality.MANY_TO_MANY, vm.matchingLabels(), vm.on(), vm.include(),
                    vm.fillLeft(), vm.fillRight());
        }
        if (vm != null && vm.on()) {
            for (String l1 : vm.matchingLabels()) {
                if (vm.include().contains(l1)) {
                    add(operatorRange(b), "label \"" + l1 + "\" must not occur in ON and GROUP clause at once");
                }
            }
        }
        if (lt != ValueType.SCALAR && lt != ValueType.INSTANT_VECTOR) {
            add(b.lhs().pos(), "binary expression must contain only scalar and instant vector types");
        }
        if (rt != ValueType.SCALAR && rt != ValueType.INSTANT_VECTOR) {
            add(b.rhs().pos(), "binary expression must contain only scalar and instant vector types");
        }
        if ((lt != ValueType.INSTANT_VECTOR || rt != ValueType.INSTANT_VECTOR) && vm != null) {
            if (!vm.matchingLabels().isEmpty()) {
                add(b.pos(), "vector matching only allowed between instant vectors");
            }
            vm = null;
        } else if (vm != null && b.op().isSetOperator()) {
            if (vm.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY
                    || vm.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE) {
                add(b.pos(), "no grouping allowed for \"" + b.op().symbol() + "\" operation");
            }
            if (vm.cardinality() != VectorMatching.Cardinality.MANY_TO_MANY) {
                add(b.pos(), "set operations must always be many-to-many");
            }
        }
        if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && b.op().isSetOperator()) {
            add(b.pos(), "set operator \"" + b.op().symbol() + "\" not allowed in binary scalar expression");
        }
        if (lhs == b.lhs() && rhs == b.rhs() && vm == b.matching()) {
            return b;
        }
        return new BinaryExpr(b.op(), lhs, rhs, b.returnBool(), vm, b.pos());
    }

    /** The operator's text between the operands, trimmed of spaces (where Prometheus points operator errors). */
    private PositionRange operatorRange(BinaryExpr b) {
        int s = b.lhs().pos().end();
        while (s < input.length() && Lexer.isSpace(input.charAt(s))) {
            s++;
        }
        int e = b.rhs().pos().start() - 1;
        while (e > s && Lexer.isSpace(input.charAt(e))) {
            e--;
        }
        return new PositionRange(s, e);
    }

    private Expr checkCall(Call c) {
        Function f = c.function();
        List<Expr> args = c.args();
        int declared = f.argTypes().size();
        if (f.variadic() == 0) {
            if (declared != args.size()) {
                add(c.pos(), "expected " + declared + " argument(s) in call to \"" + f.name() + "\", got " + args.size());
            }
        } else {
            int min = declared - 1;
            if (min > args.size()) {
                add(c.pos(), "expected at least " + min + " argument(s) in call to \"" + f.name() + "\", got " + args.size());
            } else if (f.variadic() > 0 && min + f.variadic() < args.size()) {
                add(c.pos(), "expected at most " + (min + f.variadic()) + " argument(s) in call to \"" + f.name()
                        + "\", got " + args.size());
            }
        }
        boolean infoSelector = false;
        if (f.name().equals("info") && args.size() > 1) {
            Expr second = args.get(1);
            if (second.type() != ValueType.INSTANT_VECTOR) {
                add(c.pos(), "expected type instant vector in call to function \"info\", got " + second.type().documentedName());
            } else if (second instanceof VectorSelector vs) {
                if (vs.metricName() != null) {
                    add(second.pos(), "expected label selectors only, got vector selector instead");
                }
                infoSelector = true;
            } else {
                add(second.pos(), "expected label selectors only");
            }
        }
        List<Expr> checked = null;
        for (int k = 0; k < args.size(); k++) {
            Expr arg = args.get(k);
            if (k >= declared && f.variadic() == 0) {
                break;
            }
            Expr out = visit(arg, infoSelector && k == 1);
            if (out.type() != f.argType(k)) {
                add(arg.pos(), "expected type " + f.argType(k).documentedName() + " in call to function \"" + f.name()
                        + "\", got " + out.type().documentedName());
            }
            if (out != arg) {
                if (checked == null) {
                    checked = new ArrayList<>(args);
                }
                checked.set(k, out);
            }
        }
        return checked == null ? c : new Call(f, checked, c.pos());
    }

    private void checkSelector(VectorSelector v, boolean bypassEmptyMatcherCheck) {
        List<LabelMatcher> ms = v.matchers();
        if (v.metricName() != null) {
            for (int k = 0; k < ms.size() - 1; k++) {
                if (ms.get(k).name().equals("__name__")) {
                    add(v.pos(), "metric name must not be set twice: \"" + v.metricName() + "\" or \"" + ms.get(k).value() + "\"");
                }
            }
            return;
        }
        if (bypassEmptyMatcherCheck) {
            return;
        }
        for (LabelMatcher m : ms) {
            if (!m.matches("")) {
                return;
            }
        }
        add(v.pos(), "vector selector must contain at least one non-empty matcher");
    }
}
