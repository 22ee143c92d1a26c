package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

/**
 * The {@code @} modifier of a selector or subquery: a fixed timestamp, or the start/end of the
 * query range ({@code @ start()}, {@code @ end()}); the engine resolves the latter per query.
 */
public record AtModifier(Kind kind, long timestampMillis) {
    public enum Kind { TIMESTAMP, START, END }

    public static final AtModifier START = new AtModifier(Kind.START, 0);
    public static final AtModifier END = new AtModifier(Kind.END, 0);

    public AtModifier {
        requireNonNull(kind, "kind is null");
        if (kind != Kind.TIMESTAMP && timestampMillis != 0) {
            throw new IllegalArgumentException("only a TIMESTAMP @ modifier carries a timestamp");
        }
    }

    public static AtModifier at(long timestampMillis) {
        return new AtModifier(Kind.TIMESTAMP, timestampMillis);
    }
}
