package io.thanosjava.promql;

import io.thanosjava.promql.ast.GoFormat;

/** The token stream of one query, in parallel arrays; the last token is EOF or ERROR. */
final class Tokens {
    final String input;
    final TokenType[] types;
    final int[] starts;
    final int[] ends;
    final int count;
    /** The lexer's message when the last token is ERROR. */
    final String errorMessage;

    Tokens(String input, TokenType[] types, int[] starts, int[] ends, int count, String errorMessage) {
        this.input = input;
        this.types = types;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        this.errorMessage = errorMessage;
    }

    String text(int i) {
        return input.substring(starts[i], ends[i]);
    }

    /** How Prometheus names a token in "unexpected ..." messages. */
    String describe(int i) {
        TokenType t = types[i];
        String text = text(i);
        switch (t.kind) {
            case END:
                return "end of input";
            case KEYWORD:
                return "<" + text + ">";
            case OPERATOR:
                return "<op:" + text + ">";
            case AGGREGATOR:
                return "<aggr:" + text + ">";
            case VALUE:
                if (t == TokenType.IDENTIFIER || t == TokenType.METRIC_IDENTIFIER) {
                    return t.category + " " + quote(text);
                }
                return t.category + " " + truncatedQuote(text);
            default:
                return truncatedQuote(text);
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        GoFormat.quote(s, sb);
        return sb.toString();
    }

    /** Go's {@code %.10q...} for texts longer than 10 bytes, else {@code %q}. */
    private static String truncatedQuote(String s) {
        if (s.length() <= 10) {
            return quote(s);
        }
        int end = s.offsetByCodePoints(0, Math.min(10, s.codePointCount(0, s.length())));
        return quote(s.substring(0, end)) + "...";
    }
}
