package io.thanosjava.promql;

/**
 * Switches for syntax that Prometheus keeps behind feature flags. {@link #DEFAULT} is what Thanos
 * (Prometheus 3.9.1) accepts out of the box.
 *
 * @param experimentalFunctions experimental functions and the {@code limitk}/{@code limit_ratio}
 *     aggregations ({@code --enable-feature=promql-experimental-functions})
 * @param mainBranch the function table and operators of the Prometheus development branch
 *     ({@code start()}, {@code step()}, {@code min_of}, {@code histogram_quantiles}, {@code </}, {@code >/}, ...)
 * @param durationExpressions arithmetic inside {@code [...]} and after {@code offset} ({@code promql-duration-expr})
 * @param extendedRangeSelectors the {@code anchored} and {@code smoothed} selector modifiers
 * @param binopFillModifiers {@code fill()}, {@code fill_left()}, {@code fill_right()} on binary operators
 * @param maxDepth nesting depth beyond which parsing fails with a clean error
 */
public record ParserOptions(boolean experimentalFunctions, boolean mainBranch, boolean durationExpressions,
                            boolean extendedRangeSelectors, boolean binopFillModifiers, int maxDepth) {
    /**
     * Default nesting limit: far beyond any real query, and measured to parse and check within a
     * 1 MiB thread stack (the JVM default) with room to spare for the caller's frames.
     */
    public static final int DEFAULT_MAX_DEPTH = 500;

    /** Prometheus 3.9.1 as Thanos runs it: no experimental syntax. */
    public static final ParserOptions DEFAULT = new ParserOptions(false, false, false, false, false, DEFAULT_MAX_DEPTH);

    /** Prometheus 3.9.1 with experimental functions, as its test scripts assume. */
    public static final ParserOptions EXPERIMENTAL = DEFAULT.withExperimentalFunctions(true);

    /** Everything the development branch can parse with all feature flags on. */
    public static final ParserOptions ALL = new ParserOptions(true, true, true, true, true, DEFAULT_MAX_DEPTH);

    public ParserOptions {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive");
        }
    }

    public ParserOptions withExperimentalFunctions(boolean enabled) {
        return new ParserOptions(enabled, mainBranch, durationExpressions, extendedRangeSelectors, binopFillModifiers, maxDepth);
    }

    public ParserOptions withMaxDepth(int depth) {
        return new ParserOptions(experimentalFunctions, mainBranch, durationExpressions, extendedRangeSelectors, binopFillModifiers, depth);
    }
}
