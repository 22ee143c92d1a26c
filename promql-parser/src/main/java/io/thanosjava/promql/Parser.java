package io.thanosjava.promql;

import io.thanosjava.model.InvalidMatcherException;
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
import io.thanosjava.promql.ast.VectorMatching;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive-descent parser with precedence climbing for binary operators. Grammar-level errors
 * stop parsing at once with Prometheus' message; type errors are left to {@link Checker}.
 */
final class Parser {
    private static final int UNARY_OPERAND_PRECEDENCE = BinaryOp.POW.precedence();

    private final Tokens tokens;
    private final ParserOptions options;
    private final Map<String, Function> functions;
    private int i;
    private int depth;

    Parser(Tokens tokens, ParserOptions options) {
        this.tokens = tokens;
        this.options = options;
        this.functions = Functions.table(options.mainBranch());
    }

    Expr parseQuery() {
        if (type() == TokenType.EOF) {
            throw new ParseException(new ParseException.Error(PositionRange.NONE, "no expression found in input", tokens.input));
        }
        Expr e = parseExpr(0);
        if (type() != TokenType.EOF) {
            throw unexpected(null, null);
        }
        return e;
    }

    VectorSelector parseSelectorOnly() {
        if (!type().canBeMetricName() && type() != TokenType.LEFT_BRACE) {
            throw unexpected(null, null);
        }
        VectorSelector vs = parseSelector();
        if (type() != TokenType.EOF) {
            throw unexpected(null, null);
        }
        return vs;
    }

    // ---- token helpers ----

    private TokenType type() {
        return tokens.types[i];
    }

    private TokenType typeAt(int k) {
        int j = Math.min(i + k, tokens.count - 1);
        return tokens.types[j];
    }

    private int start() {
        return tokens.starts[i];
    }

    private int end() {
        return tokens.ends[i];
    }

    private String text() {
        return tokens.text(i);
    }

    private int prevEnd() {
        return tokens.ends[i - 1];
    }

    private ParseException error(PositionRange pos, String message) {
        return new ParseException(new ParseException.Error(pos, message, tokens.input));
    }

    private ParseException error(int startPos, int endPos, String message) {
        return error(new PositionRange(startPos, endPos), message);
    }

    /** Prometheus' "unexpected X in context, expected Y"; a lexer error token reports the lexer's message. */
    private ParseException unexpected(String context, String expected) {
        if (type() == TokenType.ERROR) {
            return error(start(), end(), tokens.errorMessage);
        }
        StringBuilder sb = new StringBuilder("unexpected ").append(tokens.describe(i));
        if (context != null) {
            sb.append(" in ").append(context);
        }
        if (expected != null) {
            sb.append(", expected ").append(expected);
        }
        return error(start(), end(), sb.toString());
    }

    private void expect(TokenType t, String context, String expected) {
        if (type() != t) {
            throw unexpected(context, expected);
        }
        i++;
    }

    private void enter() {
        if (++depth > options.maxDepth()) {
            throw error(start(), end(), "query is nested too deeply (more than " + options.maxDepth() + " levels)");
        }
    }

    // ---- expressions ----

    /** What may start a duration; the development branch added {@code range()}. */
    private String durationExpected() {
        return options.mainBranch() ? "number, duration, step(), or range()" : "number, duration, or step()";
    }

    private Expr parseExpr(int minPrecedence) {
        enter();
        Expr lhs = parseUnary();
        while (true) {
            BinaryOp op = type().binaryOp();
            if (op == null || op.precedence() < minPrecedence) {
                break;
            }
            i++;
            boolean returnBool = false;
            if (type() == TokenType.BOOL) {
                returnBool = true;
                i++;
            }
            VectorMatching matching = parseVectorMatching();
            Expr rhs = parseExpr(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
            lhs = new BinaryExpr(op, lhs, rhs, returnBool, matching, span(lhs, rhs));
        }
        depth--;
        return lhs;
    }

    private VectorMatching parseVectorMatching() {
        VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
        List<String> matching = List.of();
        List<String> include = List.of();
        boolean on = false;
        if (type() == TokenType.ON || type() == TokenType.IGNORING) {
            on = type() == TokenType.ON;
            i++;
            matching = parseGroupingLabels();
            if (type() == TokenType.GROUP_LEFT || type() == TokenType.GROUP_RIGHT) {
                card = type() == TokenType.GROUP_LEFT ? VectorMatching.Cardinality.MANY_TO_ONE
                        : VectorMatching.Cardinality.ONE_TO_MANY;
                i++;
                if (type() == TokenType.LEFT_PAREN) {
                    include = parseGroupingLabels();
                }
            }
        }
        Double fillLeft = null;
        Double fillRight = null;
        int fillStart = start();
        while (options.binopFillModifiers() && type() == TokenType.IDENTIFIER && typeAt(1) == TokenType.LEFT_PAREN) {
            String word = text();
            if (!word.equals("fill") && !word.equals("fill_left") && !word.equals("fill_right")) {
                break;
            }
            i += 2;
            double v = parseSignedNumber("fill modifier", "number");
            expect(TokenType.RIGHT_PAREN, "fill modifier", "\")\"");
            boolean left = !word.equals("fill_right");
            boolean right = !word.equals("fill_left");
            if ((left && fillLeft != null) || (right && fillRight != null)) {
                throw error(fillStart, prevEnd(), "fill modifier may not be set multiple times");
            }
            if (left) {
                fillLeft = v;
            }
            if (right) {
                fillRight = v;
            }
        }
        return new VectorMatching(card, matching, on, include, fillLeft, fillRight);
    }

    private double parseSignedNumber(String context, String expected) {
        boolean negative = false;
        if (type() == TokenType.ADD || type() == TokenType.SUB) {
            negative = type() == TokenType.SUB;
            i++;
        }
        if (type() != TokenType.NUMBER && type() != TokenType.DURATION) {
            throw unexpected(context, expected);
        }
        double v = literalValue();
        i++;
        return negative ? -v : v;
    }

    private Expr parseUnary() {
        if (type() == TokenType.ADD || type() == TokenType.SUB) {
            boolean minus = type() == TokenType.SUB;
            int opStart = start();
            i++;
            enter();
            Expr operand = parseExpr(UNARY_OPERAND_PRECEDENCE);
            depth--;
            PositionRange pos = new PositionRange(opStart, operand.pos().end());
            if (operand instanceof NumberLiteral n) {
                return new NumberLiteral(minus ? -n.value() : n.value(), n.duration(), pos);
            }
            return new UnaryExpr(minus ? UnaryExpr.UnaryOp.MINUS : UnaryExpr.UnaryOp.PLUS, operand, pos);
        }
        return parsePostfix(parsePrimary());
    }

    private Expr parsePrimary() {
        TokenType t = type();
        switch (t) {
            case NUMBER, DURATION -> {
                return literal();
            }
            case STRING -> {
                StringLiteral s = new StringLiteral(StringUnquoter.unquote(text()), new PositionRange(start(), end()));
                i++;
                return s;
            }
            case LEFT_PAREN -> {
                int open = start();
                i++;
                Expr inner = parseExpr(0);
                if (type() != TokenType.RIGHT_PAREN) {
                    throw unexpected(null, null);
                }
                i++;
                return new ParenExpr(inner, new PositionRange(open, prevEnd()));
            }
            case LEFT_BRACE -> {
                return parseSelector();
            }
            case AGGREGATOR -> {
                TokenType next = typeAt(1);
                if (next == TokenType.LEFT_PAREN || next == TokenType.BY || next == TokenType.WITHOUT) {
                    return parseAggregate();
                }
                return parseSelector();
            }
            case IDENTIFIER -> {
                if (typeAt(1) == TokenType.LEFT_PAREN) {
                    return parseCall();
                }
                return parseSelector();
            }
            case START, END, STEP -> {
                if (options.mainBranch() && typeAt(1) == TokenType.LEFT_PAREN) {
                    return parseCall();
                }
                return parseSelector();
            }
            default -> {
                if (t.canBeMetricName()) {
                    return parseSelector();
                }
                throw unexpected(null, null);
            }
        }
    }

    private NumberLiteral literal() {
        NumberLiteral n = new NumberLiteral(literalValue(), type() == TokenType.DURATION, new PositionRange(start(), end()));
        i++;
        return n;
    }

    /** The value of a NUMBER or DURATION token (durations in seconds). */
    private double literalValue() {
        String s = text();
        if (type() == TokenType.DURATION) {
            return Numbers.parseDurationMillis(s, new PositionRange(start(), end()), tokens.input) / 1000.0;
        }
        try {
            return Numbers.parseNumber(s);
        } catch (NumberFormatException e) {
            throw error(start(), end(), e.getMessage());
        }
    }

    // ---- postfix modifiers ----

    private Expr parsePostfix(Expr e) {
        while (true) {
            switch (type()) {
                case LEFT_BRACKET -> e = parseRangeOrSubquery(e);
                case OFFSET -> e = parseOffset(e);
                case AT -> e = parseAt(e);
                case ANCHORED, SMOOTHED -> e = parseRangeModifier(e);
                default -> {
                    return e;
                }
            }
        }
    }

    private Expr parseRangeOrSubquery(Expr e) {
        int open = start();
        i++;
        if (type() == TokenType.RIGHT_BRACKET) {
            throw unexpected("subquery or range selector", durationExpected());
        }
        DurationValue range = parseBracketDuration("subquery or range selector");
        if (type() == TokenType.RIGHT_BRACKET) {
            i++;
            String problem = null;
            if (!(e instanceof VectorSelector vs)) {
                problem = "ranges only allowed for vector selectors";
            } else if (vs.offsetMillis() != 0 || vs.offsetExpr() != null) {
                problem = "no offset modifiers allowed before range";
            } else if (vs.at() != null) {
                problem = "no @ modifiers allowed before range";
            }
            if (problem != null) {
                throw error(open, prevEnd(), problem);
            }
            VectorSelector vs = (VectorSelector) e;
            return new MatrixSelector(vs, range.millis, range.expr, new PositionRange(vs.pos().start(), prevEnd()));
        }
        if (type() != TokenType.COLON) {
            throw unexpected("subquery or range", "\":\" or \"]\"");
        }
        i++;
        DurationValue step = DurationValue.NONE;
        if (type() != TokenType.RIGHT_BRACKET) {
            step = parseBracketDuration("subquery selector");
        }
        if (type() != TokenType.RIGHT_BRACKET) {
            throw unexpected("subquery selector", "\"]\"");
        }
        i++;
        return new SubqueryExpr(e, range.millis, range.expr, step.millis, step.expr, 0, null, null,
                new PositionRange(e.pos().start(), prevEnd()));
    }

    /** A duration as written inside brackets: a literal, or (with the option) an arithmetic expression. */
    private DurationValue parseBracketDuration(String context) {
        int firstToken = i;
        if (!startsDurationOperand()) {
            throw unexpected(context, durationExpected());
        }
        Expr expr = new DurationExprParser(context).parse(0);
        boolean literal = expr instanceof NumberLiteral && (i == firstToken + 1
                || (i == firstToken + 2 && tokens.types[firstToken] == TokenType.SUB));
        if (literal) {
            long millis = literalMillis(firstToken, expr.pos());
            if (millis <= 0) {
                throw error(expr.pos(), "duration must be greater than 0");
            }
            return new DurationValue(millis, null);
        }
        return resolveDuration(expr, true);
    }

    /**
     * A signed number or duration literal in milliseconds: durations exactly, numbers as seconds
     * rounded to nanoseconds and truncated to milliseconds, as Prometheus converts them.
     */
    private long literalMillis(int firstToken, PositionRange pos) {
        boolean negative = tokens.types[firstToken] == TokenType.SUB;
        int valueToken = tokens.types[firstToken] == TokenType.SUB || tokens.types[firstToken] == TokenType.ADD
                ? firstToken + 1 : firstToken;
        long millis;
        if (tokens.types[valueToken] == TokenType.DURATION) {
            millis = Numbers.parseDurationMillis(tokens.text(valueToken),
                    new PositionRange(tokens.starts[valueToken], tokens.ends[valueToken]), tokens.input);
        } else {
            double seconds;
            try {
                seconds = Numbers.parseNumber(tokens.text(valueToken));
            } catch (NumberFormatException e) {
                throw error(tokens.starts[valueToken], tokens.ends[valueToken], e.getMessage());
            }
            millis = DurationExpressions.secondsToMillis(seconds, pos, tokens.input);
        }
        return negative ? -millis : millis;
    }

    /**
     * A duration expression (newer syntax). A constant one is computed now (division by zero and
     * overflow are parse errors, as in Prometheus); its sign, and the value of expressions using
     * {@code step()}/{@code range()}, are the engine's to check. One that folded to a plain number
     * ({@code --5m}) becomes a literal and, for ranges and steps, must be positive.
     */
    private DurationValue resolveDuration(Expr expr, boolean positive) {
        if (!options.durationExpressions()) {
            throw error(expr.pos(), "experimental duration expression is not enabled");
        }
        Long millis = DurationExpressions.constantMillis(expr, tokens.input);
        if (expr instanceof NumberLiteral) {
            if (positive && millis <= 0) {
                throw error(expr.pos(), "duration must be greater than 0");
            }
            return new DurationValue(millis, null);
        }
        return new DurationValue(millis == null ? 0 : millis, expr);
    }

    private boolean startsDurationOperand() {
        switch (type()) {
            case NUMBER, DURATION, LEFT_PAREN, ADD, SUB, STEP, DURATION_FUNCTION:
                return true;
            default:
                return false;
        }
    }

    private Expr parseOffset(Expr e) {
        int offsetTok = i;
        i++;
        DurationValue offset;
        if ((type() == TokenType.NUMBER || type() == TokenType.DURATION)
                || ((type() == TokenType.SUB || type() == TokenType.ADD)
                    && (typeAt(1) == TokenType.NUMBER || typeAt(1) == TokenType.DURATION))) {
            int first = i;
            int litStart = start();
            parseSignedNumber("offset", durationExpected());
            offset = new DurationValue(literalMillis(first, new PositionRange(litStart, prevEnd())), null);
        } else if (startsOffsetExpression()) {
            offset = resolveDuration(new DurationExprParser("offset").parseOffsetOperand(), false);
        } else {
            throw unexpected("offset", durationExpected());
        }
        int endPos = prevEnd();
        if (e instanceof VectorSelector vs) {
            checkOffsetUnset(e, vs.offsetMillis(), vs.offsetExpr());
            return withOffset(vs, offset, endPos);
        }
        if (e instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            checkOffsetUnset(e, vs.offsetMillis(), vs.offsetExpr());
            return new MatrixSelector(withOffset(vs, offset, vs.pos().end()), ms.rangeMillis(), ms.rangeExpr(),
                    new PositionRange(ms.pos().start(), endPos));
        }
        if (e instanceof SubqueryExpr sq) {
            checkOffsetUnset(e, sq.offsetMillis(), sq.offsetExpr());
            return new SubqueryExpr(sq.expr(), sq.rangeMillis(), sq.rangeExpr(), sq.stepMillis(), sq.stepExpr(),
                    offset.millis, offset.expr, sq.at(), new PositionRange(sq.pos().start(), endPos));
        }
        throw error(e.pos(), "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }

    private boolean startsOffsetExpression() {
        switch (type()) {
            case LEFT_PAREN, STEP, SUB, ADD:
                return true;
            case IDENTIFIER, AGGREGATOR:
                return typeAt(1) == TokenType.LEFT_PAREN;
            default:
                return false;
        }
    }

    private void checkOffsetUnset(Expr e, long offsetMillis, Expr offsetExpr) {
        if (offsetMillis != 0 || offsetExpr != null) {
            throw error(e.pos(), "offset may not be set multiple times");
        }
    }

    private static VectorSelector withOffset(VectorSelector vs, DurationValue offset, int endPos) {
        return new VectorSelector(vs.metricName(), vs.matchers(), offset.millis, offset.expr, vs.at(), vs.anchored(),
                vs.smoothed(), new PositionRange(vs.pos().start(), endPos));
    }

    private Expr parseAt(Expr e) {
        i++;
        AtModifier at;
        if ((type() == TokenType.START || type() == TokenType.END) && typeAt(1) == TokenType.LEFT_PAREN) {
            at = type() == TokenType.START ? AtModifier.START : AtModifier.END;
            i++;
            i++;
            expect(TokenType.RIGHT_PAREN, "@", "\")\"");
        } else {
            if (type() != TokenType.NUMBER && type() != TokenType.DURATION
                    && !((type() == TokenType.ADD || type() == TokenType.SUB)
                        && (typeAt(1) == TokenType.NUMBER || typeAt(1) == TokenType.DURATION))) {
                throw unexpected("@", "timestamp");
            }
            double ts = parseSignedNumber("@", "timestamp");
            if (Double.isNaN(ts) || Double.isInfinite(ts) || ts >= 9.223372036854775807E18 || ts <= -9.223372036854775808E18) {
                throw error(e.pos(), "timestamp out of bounds for @ modifier: " + Numbers.goPercentF(ts));
            }
            at = AtModifier.at(Numbers.goRound(ts * 1000));
        }
        int endPos = prevEnd();
        String notAllowed = "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery";
        if (e instanceof VectorSelector vs) {
            checkAtUnset(e, vs.at());
            return withAt(vs, at, endPos);
        }
        if (e instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            checkAtUnset(e, vs.at());
            return new MatrixSelector(withAt(vs, at, vs.pos().end()), ms.rangeMillis(), ms.rangeExpr(),
                    new PositionRange(ms.pos().start(), endPos));
        }
        if (e instanceof SubqueryExpr sq) {
            checkAtUnset(e, sq.at());
            return new SubqueryExpr(sq.expr(), sq.rangeMillis(), sq.rangeExpr(), sq.stepMillis(), sq.stepExpr(),
                    sq.offsetMillis(), sq.offsetExpr(), at, new PositionRange(sq.pos().start(), endPos));
        }
        throw error(e.pos(), notAllowed);
    }

    private void checkAtUnset(Expr e, AtModifier existing) {
        if (existing != null) {
            throw error(e.pos(), "@ <timestamp> may not be set multiple times");
        }
    }

    private static VectorSelector withAt(VectorSelector vs, AtModifier at, int endPos) {
        return new VectorSelector(vs.metricName(), vs.matchers(), vs.offsetMillis(), vs.offsetExpr(), at, vs.anchored(),
                vs.smoothed(), new PositionRange(vs.pos().start(), endPos));
    }

    private Expr parseRangeModifier(Expr e) {
        boolean anchored = type() == TokenType.ANCHORED;
        String name = anchored ? "anchored" : "smoothed";
        i++;
        if (!options.extendedRangeSelectors()) {
            throw error(e.pos(), name + " modifier is experimental and not enabled");
        }
        VectorSelector vs;
        if (e instanceof VectorSelector v) {
            vs = v;
        } else if (e instanceof MatrixSelector m) {
            vs = m.selector();
        } else if (e instanceof SubqueryExpr) {
            throw error(e.pos(), name + " modifier is not supported for subqueries");
        } else {
            throw error(e.pos(), name + " modifier must be preceded by an instant vector selector or range vector selector");
        }
        if ((anchored && vs.smoothed()) || (!anchored && vs.anchored())) {
            throw error(e.pos(), "anchored and smoothed modifiers cannot be used together");
        }
        VectorSelector updated = new VectorSelector(vs.metricName(), vs.matchers(), vs.offsetMillis(), vs.offsetExpr(),
                vs.at(), vs.anchored() || anchored, vs.smoothed() || !anchored, vs.pos());
        if (e instanceof MatrixSelector m) {
            return new MatrixSelector(updated, m.rangeMillis(), m.rangeExpr(), new PositionRange(m.pos().start(), prevEnd()));
        }
        return new VectorSelector(updated.metricName(), updated.matchers(), updated.offsetMillis(), updated.offsetExpr(),
                updated.at(), updated.anchored(), updated.smoothed(), new PositionRange(vs.pos().start(), prevEnd()));
    }

    // ---- selectors ----

    private VectorSelector parseSelector() {
        int selStart = start();
        String name = null;
        if (type() != TokenType.LEFT_BRACE) {
            name = text();
            i++;
        }
        List<LabelMatcher> matchers = new ArrayList<>(4);
        if (type() == TokenType.LEFT_BRACE) {
            i++;
            parseMatchers(matchers);
        }
        if (name != null) {
            matchers.add(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", name));
        }
        return new VectorSelector(name, matchers, 0, null, null, false, false, new PositionRange(selStart, prevEnd()));
    }

    private void parseMatchers(List<LabelMatcher> matchers) {
        while (type() != TokenType.RIGHT_BRACE) {
            if (type() != TokenType.IDENTIFIER && type() != TokenType.STRING) {
                throw unexpected("label matching", "identifier or \"}\"");
            }
            int nameStart = start();
            boolean quotedName = type() == TokenType.STRING;
            String label = quotedName ? StringUnquoter.unquote(text()) : text();
            i++;
            LabelMatcher.Type matchType = matchType(type());
            if (matchType == null) {
                if (quotedName && (type() == TokenType.COMMA || type() == TokenType.RIGHT_BRACE)) {
                    matchers.add(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", label));
                } else {
                    throw unexpected("label matching", "label matching operator");
                }
            } else {
                i++;
                if (type() != TokenType.STRING) {
                    throw unexpected("label matching", "string");
                }
                String value = StringUnquoter.unquote(text());
                i++;
                try {
                    matchers.add(LabelMatcher.of(matchType, label, value));
                } catch (InvalidMatcherException e) {
                    throw error(nameStart, prevEnd(), e.getMessage());
                }
            }
            if (type() == TokenType.COMMA) {
                i++;
            } else if (type() != TokenType.RIGHT_BRACE) {
                throw unexpected("label matching", "\",\" or \"}\"");
            }
        }
        i++;
    }

    private static LabelMatcher.Type matchType(TokenType t) {
        switch (t) {
            case EQL: return LabelMatcher.Type.EQ;
            case NEQ: return LabelMatcher.Type.NEQ;
            case EQL_REGEX: return LabelMatcher.Type.RE;
            case NEQ_REGEX: return LabelMatcher.Type.NRE;
            default: return null;
        }
    }

    // ---- calls and aggregations ----

    private Call parseCall() {
        int nameStart = start();
        int nameEnd = end();
        String name = text();
        i++;
        List<Expr> args = parseCallArgs();
        Function f = functions.get(name);
        if (f == null) {
            throw error(nameStart, nameEnd, "unknown function with name \"" + name + "\"");
        }
        if (f.experimental() && !options.experimentalFunctions()) {
            throw error(nameStart, nameEnd, "function \"" + name + "\" is not enabled");
        }
        return new Call(f, args, new PositionRange(nameStart, prevEnd()));
    }

    /** {@code ( expr, ... )} with the opening parenthesis as the current token. */
    private List<Expr> parseCallArgs() {
        i++;
        List<Expr> args = new ArrayList<>(4);
        if (type() == TokenType.RIGHT_PAREN) {
            i++;
            return args;
        }
        while (true) {
            args.add(parseExpr(0));
            if (type() == TokenType.RIGHT_PAREN) {
                i++;
                return args;
            }
            if (type() != TokenType.COMMA) {
                throw unexpected(null, null);
            }
            int comma = i;
            i++;
            if (type() == TokenType.RIGHT_PAREN) {
                throw error(tokens.starts[comma], tokens.ends[comma], "trailing commas not allowed in function call args");
            }
        }
    }

    private AggregateExpr parseAggregate() {
        int opStart = start();
        AggregateOp op = AggregateOp.fromKeyword(text());
        i++;
        List<String> grouping = List.of();
        boolean without = false;
        boolean modifierSeen = false;
        if (type() == TokenType.BY || type() == TokenType.WITHOUT) {
            without = type() == TokenType.WITHOUT;
            i++;
            grouping = parseGroupingLabels();
            modifierSeen = true;
        }
        if (type() != TokenType.LEFT_PAREN) {
            throw unexpected("aggregation", null);
        }
        List<Expr> args = parseCallArgs();
        if (!modifierSeen && (type() == TokenType.BY || type() == TokenType.WITHOUT)) {
            without = type() == TokenType.WITHOUT;
            i++;
            grouping = parseGroupingLabels();
        }
        PositionRange pos = new PositionRange(opStart, prevEnd());
        if (args.isEmpty()) {
            throw error(pos, "no arguments for aggregate expression provided");
        }
        int desired = 1;
        Expr param = null;
        if (op.hasParam()) {
            if (op.experimental() && !options.experimentalFunctions()) {
                throw error(pos, op.keyword() + "() is experimental and must be enabled with --enable-feature=promql-experimental-functions");
            }
            desired = 2;
            param = args.get(0);
        }
        if (args.size() != desired) {
            throw error(pos, "wrong number of arguments for aggregate expression provided, expected " + desired + ", got " + args.size());
        }
        return new AggregateExpr(op, args.get(desired - 1), param, grouping, without, pos);
    }

    /** {@code ( label, ... )} for by/without/on/ignoring/group_x. */
    private List<String> parseGroupingLabels() {
        if (type() != TokenType.LEFT_PAREN) {
            throw unexpected("grouping opts", "\"(\"");
        }
        i++;
        List<String> labels = new ArrayList<>(4);
        while (type() != TokenType.RIGHT_PAREN) {
            if (type() == TokenType.STRING) {
                labels.add(StringUnquoter.unquote(text()));
            } else if (type().isWord() && isLabel(text())) {
                labels.add(text());
            } else {
                throw unexpected("grouping opts", "label");
            }
            i++;
            if (type() == TokenType.COMMA) {
                i++;
            } else if (type() != TokenType.RIGHT_PAREN) {
                throw unexpected("grouping opts", "\",\" or \")\"");
            }
        }
        i++;
        return labels;
    }

    private static boolean isLabel(String s) {
        return io.thanosjava.promql.ast.Names.isLegacyLabelName(s);
    }

    private static PositionRange span(Expr a, Expr b) {
        return new PositionRange(a.pos().start(), b.pos().end());
    }

    /** A resolved duration: milliseconds (0 when it depends on the query) and the expression if one was written. */
    private record DurationValue(long millis, Expr expr) {
        static final DurationValue NONE = new DurationValue(0, null);
    }

    /** Arithmetic on durations inside brackets and after {@code offset}. */
    private final class DurationExprParser {
        private final String context;

        DurationExprParser(String context) {
            this.context = context;
        }

        Expr parse(int minPrecedence) {
            enter();
            Expr lhs = parseUnaryDuration();
            while (true) {
                BinaryOp op = durationOp(type());
                if (op == null || op.precedence() < minPrecedence) {
                    break;
                }
                i++;
                Expr rhs = parse(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
                lhs = new BinaryExpr(op, lhs, rhs, false, null, span(lhs, rhs));
            }
            depth--;
            return lhs;
        }

        /** After {@code offset}: a parenthesized expression, a sign, or a duration function; never a bare binary operation. */
        /**
         * After {@code offset} a sign applies to one primary only: Prometheus reads
         * {@code x offset -min(step(), 1s)^0} as {@code (x offset -min(step(), 1s)) ^ 0}.
         */
        Expr parseOffsetOperand() {
            return parseUnaryDuration(true);
        }

        private Expr parseUnaryDuration() {
            return parseUnaryDuration(false);
        }

        private Expr parseUnaryDuration(boolean primaryOperand) {
            if (type() == TokenType.ADD || type() == TokenType.SUB) {
                boolean minus = type() == TokenType.SUB;
                int opStart = start();
                i++;
                Expr operand = primaryOperand ? parseDurationPrimary() : parse(UNARY_OPERAND_PRECEDENCE);
                PositionRange pos = new PositionRange(opStart, operand.pos().end());
                if (operand instanceof NumberLiteral n) {
                    return new NumberLiteral(minus ? -n.value() : n.value(), n.duration(), pos);
                }
                return new UnaryExpr(minus ? UnaryExpr.UnaryOp.MINUS : UnaryExpr.UnaryOp.PLUS, operand, pos);
            }
            return parseDurationPrimary();
        }

        private Expr parseDurationPrimary() {
            switch (type()) {
                case NUMBER, DURATION -> {
                    return literal();
                }
                case LEFT_PAREN -> {
                    int open = start();
                    i++;
                    Expr inner = parse(0);
                    if (type() != TokenType.RIGHT_PAREN) {
                        throw unexpected(context, "\")\"");
                    }
                    i++;
                    return new ParenExpr(inner, new PositionRange(open, prevEnd()));
                }
                case STEP, DURATION_FUNCTION, IDENTIFIER, AGGREGATOR -> {
                    return parseDurationCall();
                }
                default -> throw unexpected(context, durationExpected());
            }
        }

        private Expr parseDurationCall() {
            int nameStart = start();
            String name = text().toLowerCase(Locale.ROOT);
            Function f = DurationExpressions.function(name, options.mainBranch());
            if (f == null) {
                throw unexpected(context, durationExpected());
            }
            i++;
            if (type() != TokenType.LEFT_PAREN) {
                throw unexpected(context, durationExpected());
            }
            i++;
            List<Expr> args = new ArrayList<>(2);
            while (type() != TokenType.RIGHT_PAREN) {
                args.add(parse(0));
                if (type() == TokenType.COMMA) {
                    i++;
                } else if (type() != TokenType.RIGHT_PAREN) {
                    throw unexpected(context, "\",\" or \")\"");
                }
            }
            i++;
            if (args.size() != f.argTypes().size()) {
                throw error(nameStart, prevEnd(), "expected " + f.argTypes().size() + " argument(s) in call to \""
                        + f.name() + "\", got " + args.size());
            }
            return new Call(f, args, new PositionRange(nameStart, prevEnd()));
        }

        private BinaryOp durationOp(TokenType t) {
            switch (t) {
                case ADD: return BinaryOp.ADD;
                case SUB: return BinaryOp.SUB;
                case MUL: return BinaryOp.MUL;
                case DIV: return BinaryOp.DIV;
                case MOD: return BinaryOp.MOD;
                case POW: return BinaryOp.POW;
                default: return null;
            }
        }
    }
}
