package io.thanosjava.promql;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.promql.ast.AggregateExpr;
import io.thanosjava.promql.ast.AggregateOp;
import io.thanosjava.promql.ast.AtModifier;
import io.thanosjava.promql.ast.BinaryExpr;
import io.thanosjava.promql.ast.BinaryOp;
import io.thanosjava.promql.ast.Call;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.Function;
import io.thanosjava.promql.ast.Functions;
import io.thanosjava.promql.ast.MatrixSelector;
import io.thanosjava.promql.ast.NumberLiteral;
import io.thanosjava.promql.ast.ParenExpr;
import io.thanosjava.promql.ast.PositionRange;
import io.thanosjava.promql.ast.StringLiteral;
import io.thanosjava.promql.ast.SubqueryExpr;
import io.thanosjava.promql.ast.UnaryExpr;
import io.thanosjava.promql.ast.ValueType;
import io.thanosjava.promql.ast.VectorMatching;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds random, well-typed trees in the shape the parser produces (parentheses where precedence
 * needs them, signs folded into literals), for round-trip properties.
 */
final class RandomAsts {
    private static final List<String> METRICS = List.of("foo", "http_requests_total", "a:b:c", "sum", "offset", "by",
            "start", "and", "anchored", "NaN_total");
    private static final List<String> LABELS = List.of("job", "instance", "le", "on", "by", "a.b", "ä", "with space");
    private static final List<String> VALUES = List.of("", "x", "api-server", "quote\"d", "back\\slash", "new\nline",
            "tab\t", "ünï", "😀", "`");
    private static final List<String> REGEXES = List.of(".*", ".+", "a|b", "api.*", "[0-9]+", "(a|b)c?", "\\d{2,3}");
    private static final double[] NUMBERS = {0, 1, 2.5, 0.1, 1e-9, 123456789012.0, 1e21, 1e300, 4.9e-324,
        Double.NaN, Double.POSITIVE_INFINITY, 0.3, 3600, 1.7976931348623157e308};
    private static final List<Function> FUNCTIONS = Functions.RELEASE.values().stream()
            .filter(f -> !f.name().equals("info")).toList();

    private final Random random;

    RandomAsts(long seed) {
        this.random = new Random(seed);
    }

    Expr any(int depth) {
        return random.nextInt(4) == 0 ? scalar(depth) : vector(depth);
    }

    Expr vector(int depth) {
        int choice = depth <= 0 ? 0 : random.nextInt(8);
        switch (choice) {
            case 1: return call(ValueType.INSTANT_VECTOR, depth);
            case 2: return aggregate(depth);
            case 3: return binary(true, depth);
            case 4: return unary(vector(depth - 1));
            case 5: return new ParenExpr(vector(depth - 1));
            case 6: return withModifiers(selector());
            default: return selector();
        }
    }

    Expr scalar(int depth) {
        int choice = depth <= 0 ? 0 : random.nextInt(5);
        switch (choice) {
            case 1: return call(ValueType.SCALAR, depth);
            case 2: return binary(false, depth);
            case 3: return unary(scalar(depth - 1));
            case 4: return new ParenExpr(scalar(depth - 1));
            default: return number();
        }
    }

    Expr matrix(int depth) {
        if (depth <= 0 || random.nextBoolean()) {
            VectorSelector vs = withModifiers(selector());
            return new MatrixSelector(vs, positiveMillis(), null, PositionRange.NONE);
        }
        Expr inner = vector(depth - 1);
        if (inner instanceof BinaryExpr || inner instanceof UnaryExpr) {
            inner = new ParenExpr(inner);
        }
        AtModifier at = random.nextInt(3) == 0 ? at() : null;
        long offset = random.nextInt(3) == 0 ? offsetMillis() : 0;
        long step = random.nextBoolean() ? 0 : positiveMillis();
        return new SubqueryExpr(inner, positiveMillis(), null, step, null, offset, null, at, PositionRange.NONE);
    }

    private NumberLiteral number() {
        return new NumberLiteral(random.nextInt(3) == 0 ? random.nextDouble() * 1000 : NUMBERS[random.nextInt(NUMBERS.length)]);
    }

    private VectorSelector selector() {
        String name = random.nextInt(4) == 0 ? null : pick(METRICS);
        List<LabelMatcher> matchers = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            matchers.add(matcher());
        }
        if (name == null) {
            matchers.add(LabelMatcher.of(LabelMatcher.Type.EQ, pick(LABELS), "non-empty"));
        } else {
            matchers.add(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", name));
        }
        return new VectorSelector(name, matchers);
    }

    private LabelMatcher matcher() {
        LabelMatcher.Type type = LabelMatcher.Type.values()[random.nextInt(4)];
        boolean regex = type == LabelMatcher.Type.RE || type == LabelMatcher.Type.NRE;
        return LabelMatcher.of(type, pick(LABELS), regex ? pick(REGEXES) : pick(VALUES));
    }

    private VectorSelector withModifiers(VectorSelector vs) {
        long offset = random.nextBoolean() ? offsetMillis() : 0;
        AtModifier at = random.nextBoolean() ? at() : null;
        return new VectorSelector(vs.metricName(), vs.matchers(), offset, null, at, false, false, PositionRange.NONE);
    }

    private AtModifier at() {
        switch (random.nextInt(4)) {
            case 0: return AtModifier.START;
            case 1: return AtModifier.END;
            default: return AtModifier.at(random.nextLong() % 10_000_000_000_000L);
        }
    }

    private long offsetMillis() {
        long v = positiveMillis();
        return random.nextBoolean() ? -v : v;
    }

    private long positiveMillis() {
        long[] units = {1, 1000, 60_000, 3_600_000, 86_400_000, 604_800_000, 31_536_000_000L};
        // Prometheus durations end at about 292 years.
        return 1 + Math.floorMod(random.nextLong(), 250) * units[random.nextInt(units.length)];
    }

    private Expr call(ValueType returnType, int depth) {
        List<Function> candidates = FUNCTIONS.stream().filter(f -> f.returnType() == returnType).toList();
        Function f = candidates.get(random.nextInt(candidates.size()));
        int declared = f.argTypes().size();
        int count = declared;
        if (f.variadic() > 0) {
            count = declared - 1 + random.nextInt(f.variadic() + 1);
        } else if (f.variadic() < 0) {
            count = declared - 1 + random.nextInt(4);
        }
        List<Expr> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(ofType(f.argType(i), depth - 1));
        }
        return new Call(f, args);
    }

    private Expr ofType(ValueType t, int depth) {
        switch (t) {
            case SCALAR: return scalar(depth);
            case STRING: return new StringLiteral(pick(VALUES));
            case RANGE_VECTOR: return matrix(depth);
            default: return vector(depth);
        }
    }

    private Expr aggregate(int depth) {
        AggregateOp op = AggregateOp.values()[random.nextInt(AggregateOp.values().length)];
        Expr param = null;
        if (op == AggregateOp.COUNT_VALUES) {
            param = new StringLiteral(pick(VALUES));
        } else if (op.hasParam()) {
            param = scalar(depth - 1);
        }
        List<String> grouping = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            grouping.add(pick(LABELS));
        }
        boolean without = random.nextInt(3) == 0;
        return new AggregateExpr(op, vector(depth - 1), param, grouping, without);
    }

    private Expr binary(boolean vectorResult, int depth) {
        BinaryOp op = BinaryOp.values()[random.nextInt(BinaryOp.values().length)];
        while (op == BinaryOp.TRIM_LOWER || op == BinaryOp.TRIM_UPPER || (!vectorResult && op.isSetOperator())) {
            op = BinaryOp.values()[random.nextInt(BinaryOp.values().length)];
        }
        boolean bothVectors = vectorResult && (op.isSetOperator() || random.nextBoolean());
        Expr lhs;
        Expr rhs;
        if (!vectorResult) {
            lhs = scalar(depth - 1);
            rhs = scalar(depth - 1);
        } else if (bothVectors) {
            lhs = vector(depth - 1);
            rhs = vector(depth - 1);
        } else if (random.nextBoolean()) {
            lhs = vector(depth - 1);
            rhs = scalar(depth - 1);
        } else {
            lhs = scalar(depth - 1);
            rhs = vector(depth - 1);
        }
        boolean returnBool = op.isComparison() && (!vectorResult || random.nextBoolean());
        VectorMatching matching = bothVectors ? matching(op) : null;
        return new BinaryExpr(op, parenthesizeLeft(op, lhs), parenthesizeRight(op, rhs), returnBool, matching);
    }

    private VectorMatching matching(BinaryOp op) {
        List<String> labels = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            labels.add(pick(LABELS));
        }
        boolean on = random.nextBoolean();
        if (op.isSetOperator()) {
            return new VectorMatching(VectorMatching.Cardinality.MANY_TO_MANY, labels, on, List.of());
        }
        int card = random.nextInt(3);
        if (card == 0) {
            return new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, labels, on, List.of());
        }
        List<String> include = new ArrayList<>();
        for (String l : List.of("extra", "x.y")) {
            if (random.nextBoolean() && !(on && labels.contains(l))) {
                include.add(l);
            }
        }
        return new VectorMatching(card == 1 ? VectorMatching.Cardinality.MANY_TO_ONE : VectorMatching.Cardinality.ONE_TO_MANY,
                labels, on, include);
    }

    /** The parser reads {@code -x} before {@code ^}: operands that would re-associate get parentheses. */
    private static Expr parenthesizeLeft(BinaryOp op, Expr lhs) {
        if (lhs instanceof BinaryExpr b && (b.op().precedence() < op.precedence()
                || (b.op().precedence() == op.precedence() && op.rightAssociative()))) {
            return new ParenExpr(lhs);
        }
        if (op == BinaryOp.POW && (lhs instanceof UnaryExpr || (lhs instanceof NumberLiteral n && isNegative(n.value())))) {
            return new ParenExpr(lhs);
        }
        return lhs;
    }

    private static Expr parenthesizeRight(BinaryOp op, Expr rhs) {
        if (rhs instanceof BinaryExpr b && (b.op().precedence() < op.precedence()
                || (b.op().precedence() == op.precedence() && !op.rightAssociative()))) {
            return new ParenExpr(rhs);
        }
        return rhs;
    }

    private Expr unary(Expr operand) {
        boolean needsParens = operand instanceof NumberLiteral
                || (operand instanceof BinaryExpr b && b.op() != BinaryOp.POW);
        Expr e = needsParens ? new ParenExpr(operand) : operand;
        return new UnaryExpr(random.nextBoolean() ? UnaryExpr.UnaryOp.MINUS : UnaryExpr.UnaryOp.PLUS, e);
    }

    private static boolean isNegative(double v) {
        return v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
