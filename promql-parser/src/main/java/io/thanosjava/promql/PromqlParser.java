package io.thanosjava.promql;

import static java.util.Objects.requireNonNull;

import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.PositionRange;
import io.thanosjava.promql.ast.VectorSelector;

/** Entry points: PromQL text to a checked, immutable AST. */
public final class PromqlParser {
    private PromqlParser() {
    }

    /** Parses and type-checks a query with {@link ParserOptions#DEFAULT}. */
    public static Expr parseExpr(String query) {
        return parseExpr(query, ParserOptions.DEFAULT);
    }

    /**
     * Parses and type-checks a query.
     *
     * @throws ParseException with Prometheus' message and position when the query is invalid
     */
    public static Expr parseExpr(String query, ParserOptions options) {
        requireNonNull(query, "query is null");
        requireNonNull(options, "options is null");
        Tokens tokens = Lexer.lex(query, options.mainBranch());
        try {
            Expr expr = new Parser(tokens, options).parseQuery();
            if (tokens.count > options.maxDepth()) {
                // A tree is never deeper than the number of tokens it was read from.
                NestingLimit.check(expr, options.maxDepth(), query);
            }
            return Checker.check(expr, query);
        } catch (StackOverflowError e) {
            // Only reachable with a raised maxDepth on a small thread stack; parser state is local,
            // so the overflow leaves nothing behind and is reported like the depth limit.
            throw new ParseException(new ParseException.Error(PositionRange.NONE,
                    "query is nested too deeply for the available stack (maxDepth " + options.maxDepth() + ")", query));
        }
    }

    /**
     * Parses a series selector as used by {@code match[]} ({@code up{job="x"}}, {@code {__name__=~"a.*"}}):
     * no modifiers, ranges or operators.
     *
     * @throws ParseException when it is not a valid selector
     */
    public static VectorSelector parseSeriesSelector(String selector) {
        requireNonNull(selector, "selector is null");
        Tokens tokens = Lexer.lex(selector, false);
        VectorSelector vs = new Parser(tokens, ParserOptions.DEFAULT).parseSelectorOnly();
        return (VectorSelector) Checker.check(vs, selector);
    }
}
