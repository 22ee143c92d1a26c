package io.thanosjava.promql;

import static java.util.Objects.requireNonNull;

import io.thanosjava.promql.ast.BinaryExpr;
import io.thanosjava.promql.ast.BinaryOp;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.Function;
import io.thanosjava.promql.ast.NumberLiteral;
import io.thanosjava.promql.ast.ParenExpr;
import io.thanosjava.promql.ast.PositionRange;
import io.thanosjava.promql.ast.UnaryExpr;
import io.thanosjava.promql.ast.ValueType;
import java.util.List;

/**
 * Evaluation of duration expressions (newer syntax: {@code x[5m * 2]}, {@code offset (1h / 2)},
 * {@code [step() + 1m]}). Values are seconds as doubles, converted to nanoseconds and then
 * truncated to milliseconds, as Prometheus does.
 */
public final class DurationExpressions {
    private static final Function STEP = scalarFunction("step", 0);
    private static final Function RANGE = scalarFunction("range", 0);
    private static final Function MIN = scalarFunction("min", 2);
    private static final Function MAX = scalarFunction("max", 2);
    private static final Function MIN_OF = scalarFunction("min_of", 2);
    private static final Function MAX_OF = scalarFunction("max_of", 2);
    private static final double MAX_SECONDS = Long.MAX_VALUE / 1e9;

    private DurationExpressions() {
    }

    private static Function scalarFunction(String name, int args) {
        return new Function(name, args == 0 ? List.of() : List.of(ValueType.SCALAR, ValueType.SCALAR), 0, ValueType.SCALAR, false);
    }

    /** The function a word names inside a duration expression, or null. */
    static Function function(String name, boolean mainBranch) {
        switch (name) {
            case "step": return STEP;
            case "min": return MIN;
            case "max": return MAX;
            case "range": return mainBranch ? RANGE : null;
            case "min_of": return mainBranch ? MIN_OF : null;
            case "max_of": return mainBranch ? MAX_OF : null;
            default: return null;
        }
    }

    /**
     * Evaluates a duration expression for a query with the given step and range.
     *
     * @throws ArithmeticException on division or modulo by zero, or a result beyond ~292 years
     */
    public static long evaluateMillis(Expr expr, long stepMillis, long rangeMillis) {
        requireNonNull(expr, "expr is null");
        return toMillis(seconds(expr, stepMillis / 1000.0, rangeMillis / 1000.0));
    }

    /**
     * The value when it does not depend on the query, else null. Division or modulo by a constant
     * zero is reported at the operator, and a value beyond ~292 years at the expression, as
     * Prometheus' parser does.
     */
    static Long constantMillis(Expr expr, String query) {
        checkDivisors(expr, query);
        if (!isConstant(expr)) {
            return null;
        }
        return secondsToMillis(seconds(expr, 0, 0), expr.pos(), query);
    }

    private static void checkDivisors(Expr e, String query) {
        if (e instanceof BinaryExpr b) {
            checkDivisors(b.lhs(), query);
            checkDivisors(b.rhs(), query);
            boolean division = b.op() == BinaryOp.DIV || b.op() == BinaryOp.MOD;
            if (division && isConstant(b.rhs()) && seconds(b.rhs(), 0, 0) == 0) {
                int op = b.lhs().pos().end();
                while (op < query.length() && Lexer.isSpace(query.charAt(op))) {
                    op++;
                }
                String message = b.op() == BinaryOp.DIV ? "division by zero" : "modulo by zero";
                throw new ParseException(new ParseException.Error(new PositionRange(op, op + 1), message, query));
            }
        } else if (e instanceof UnaryExpr u) {
            checkDivisors(u.expr(), query);
        } else if (e instanceof ParenExpr p) {
            checkDivisors(p.expr(), query);
        } else if (e instanceof Call c) {
            for (Expr a : c.args()) {
                checkDivisors(a, query);
            }
        }
    }

    static long secondsToMillis(double seconds, PositionRange pos, String query) {
        try {
            return toMillis(seconds);
        } catch (ArithmeticException e) {
            throw new ParseException(new ParseException.Error(pos, e.getMessage(), query));
        }
    }

    private static long toMillis(double seconds) {
        if (Double.isNaN(seconds) || Math.abs(seconds) >= MAX_SECONDS) {
            throw new ArithmeticException("duration out of range");
        }
        long nanos = Math.round(seconds * 1e9);
        return nanos / 1_000_000;
    }

    private static boolean isConstant(Expr e) {
        if (e instanceof Call c) {
            if (c.function() == STEP || c.function() == RANGE) {
                return false;
            }
            for (Expr a : c.args()) {
                if (!isConstant(a)) {
                    return false;
                }
            }
            return true;
        }
        if (e instanceof BinaryExpr b) {
            return isConstant(b.lhs()) && isConstant(b.rhs());
        }
        if (e instanceof UnaryExpr u) {
            return isConstant(u.expr());
        }
        if (e instanceof ParenExpr p) {
            return isConstant(p.expr());
        }
        return true;
    }

    private static double seconds(Expr e, double step, double range) {
        if (e instanceof NumberLiteral n) {
            return n.value();
        }
        if (e instanceof ParenExpr p) {
            return seconds(p.expr(), step, range);
        }
        if (e instanceof UnaryExpr u) {
            double v = seconds(u.expr(), step, range);
            return u.op() == UnaryExpr.UnaryOp.MINUS ? -v : v;
        }
        if (e instanceof Call c) {
            String name = c.function().name();
            if (name.equals("step")) {
                return step;
            }
            if (name.equals("range")) {
                return range;
            }
            double a = seconds(c.args().get(0), step, range);
            double b = seconds(c.args().get(1), step, range);
            return name.startsWith("min") ? Math.min(a, b) : Math.max(a, b);
        }
        if (e instanceof BinaryExpr b) {
            double l = seconds(b.lhs(), step, range);
            double r = seconds(b.rhs(), step, range);
            switch (b.op()) {
                case ADD: return l + r;
                case SUB: return l - r;
                case MUL: return l * r;
                case DIV:
                    if (r == 0) {
                        throw new ArithmeticException("division by zero");
                    }
                    return l / r;
                case MOD:
                    if (r == 0) {
                        throw new ArithmeticException("modulo by zero");
                    }
                    return l % r;
                case POW: return Math.pow(l, r);
                default: break;
            }
        }
        throw new IllegalArgumentException("not a duration expression: " + e);
    }
}
