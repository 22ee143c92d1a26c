package io.thanosjava.engine.querier;

import com.github.benmanes.caffeine.cache.Cache;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.promql.ParserOptions;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
import java.util.List;

/**
 * Parsed PromQL expressions (keyed by text and parser options) and parsed series selectors (text to
 * matchers, with their compiled regular expressions). Both are immutable, so one parse serves every
 * request that repeats the text: dashboards and rules send the same few queries over and over.
 * Texts that fail to parse are not kept.
 */
public final class ParseCaches {
    /** Cache name of parsed expressions in the metrics. */
    public static final String EXPRESSIONS = "promql_expressions";
    /** Cache name of parsed series selectors in the metrics. */
    public static final String SELECTORS = "series_selectors";

    private record ExprKey(String text, ParserOptions options) {
    }

    private final ParserOptions parserOptions;
    private final Cache<ExprKey, Expr> expressions;
    private final Cache<String, List<LabelMatcher>> selectors;

    public ParseCaches(QuerierConfig config) {
        this.parserOptions = config.engineOptions().enableExperimentalFunctions()
                ? ParserOptions.EXPERIMENTAL : ParserOptions.DEFAULT;
        this.expressions = QuerierCaches.bounded(config, config.queryCacheSize(), EXPRESSIONS);
        this.selectors = QuerierCaches.bounded(config, config.matcherCacheSize(), SELECTORS);
    }

    /** @throws io.thanosjava.promql.ParseException when {@code text} is not valid PromQL */
    public Expr expression(String text) {
        ExprKey key = new ExprKey(text, parserOptions);
        return expressions == null ? parse(key) : expressions.get(key, ParseCaches::parse);
    }

    /** @throws io.thanosjava.promql.ParseException when {@code text} is not a series selector */
    public List<LabelMatcher> selector(String text) {
        return selectors == null ? parseSelector(text) : selectors.get(text, ParseCaches::parseSelector);
    }

    private static Expr parse(ExprKey key) {
        return PromqlParser.parseExpr(key.text(), key.options());
    }

    private static List<LabelMatcher> parseSelector(String text) {
        return List.copyOf(PromqlParser.parseSeriesSelector(text).matchers());
    }
}
