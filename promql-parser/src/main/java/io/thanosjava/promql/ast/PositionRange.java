package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * A half-open range {@code [start, end)} of character indexes into the query text. Positions are
 * not part of node equality, so an expression and its re-parsed canonical form compare equal.
 */
public record PositionRange(int start, int end) {
    /** Used for nodes built by code rather than parsed from text. */
    public static final PositionRange NONE = new PositionRange(-1, -1);

    /**
     * Prometheus' {@code line:column} rendering of {@link #start()}: both 1-based, the column
     * counted in UTF-8 bytes as Go does; {@code invalid position} if out of range.
     */
    public String lineColumn(String query) {
        requireNonNull(query, "query is null");
        if (start < 0 || start > query.length()) {
            return "invalid position";
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (query.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = query.substring(lineStart, start).getBytes(StandardCharsets.UTF_8).length + 1;
        return line + ":" + column;
    }
}
