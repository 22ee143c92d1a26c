package io.thanosjava.engine.eval;

import io.thanosjava.promql.ast.BinaryOp;

/** Float semantics of the binary operators, matching Go's math package where Java differs. */
final class Arithmetic {
    private Arithmetic() {
    }

    static double apply(BinaryOp op, double l, double r) {
        switch (op) {
            case ADD: return l + r;
            case SUB: return l - r;
            case MUL: return l * r;
            case DIV: return l / r;
            case MOD: return l % r;
            case POW: return pow(l, r);
            case ATAN2: return Math.atan2(l, r);
            default: throw new IllegalArgumentException("not an arithmetic operator: " + op);
        }
    }

    /** Comparison; NaN compares false except for {@code !=}. */
    static boolean compare(BinaryOp op, double l, double r) {
        switch (op) {
            case EQL: return l == r;
            case NEQ: return l != r;
            case GTR: return l > r;
            case LSS: return l < r;
            case GTE: return l >= r;
            case LTE: return l <= r;
            default: throw new IllegalArgumentException("not a comparison operator: " + op);
        }
    }

    /** Go's {@code math.Pow}: {@code 1^y = 1} and {@code (-1)^±Inf = 1} even for NaN/Inf y, unlike Java. */
    static double pow(double x, double y) {
        if (x == 1) {
            return 1;
        }
        if (x == -1 && Double.isInfinite(y)) {
            return 1;
        }
        return Math.pow(x, y);
    }
}
