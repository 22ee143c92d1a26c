package io.thanosjava.engine.promqltest;

import io.thanosjava.model.StaleNaN;
import java.util.ArrayList;
import java.util.List;

/**
 * The value-sequence notation of load and expectation lines: {@code 1 2 _ stale 0+10x5 _x3}.
 * Every position yields either a value or "omitted" (null).
 */
final class ValueSequence {
    private ValueSequence() {
    }

    /** Thrown for native-histogram literals, which this runner does not load. */
    static final class HistogramLiteralException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        HistogramLiteralException() {
            super("native histogram literals are not supported");
        }
    }

    static List<Double> parse(String text) {
        if (text.contains("{{")) {
            throw new HistogramLiteralException();
        }
        List<Double> out = new ArrayList<>();
        for (String tok : text.trim().split("\\s+")) {
            if (tok.isEmpty()) {
                continue;
            }
            expand(tok, out);
        }
        return out;
    }

    private static void expand(String tok, List<Double> out) {
        if (tok.equals("_")) {
            out.add(null);
            return;
        }
        if (tok.startsWith("_x")) {
            int n = Integer.parseInt(tok.substring(2));
            for (int i = 0; i < n; i++) {
                out.add(null);
            }
            return;
        }
        if (tok.equals("stale")) {
            out.add(StaleNaN.VALUE);
            return;
        }
        int x = tok.lastIndexOf('x');
        if (x < 0) {
            out.add(number(tok));
            return;
        }
        int times = Integer.parseInt(tok.substring(x + 1));
        String series = tok.substring(0, x);
        int op = operatorIndex(series);
        double start;
        double inc;
        if (op < 0) {
            start = number(series);
            inc = 0;
        } else {
            start = number(series.substring(0, op));
            inc = number(series.substring(op + 1));
            if (series.charAt(op) == '-') {
                inc = -inc;
            }
        }
        double v = start;
        for (int i = 0; i <= times; i++) {
            out.add(v);
            v += inc;
        }
    }

    /** Index of the '+' or '-' between start and increment (not a leading sign, not an exponent sign). */
    private static int operatorIndex(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = s.charAt(i - 1);
            if ((c == '+' || c == '-') && prev != 'e' && prev != 'E') {
                return i;
            }
        }
        return -1;
    }

    static double number(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        switch (l) {
            case "inf", "+inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan": return Double.NaN;
            default: break;
        }
        if (l.startsWith("0x") || l.startsWith("-0x") || l.startsWith("+0x") || l.endsWith("d") || l.endsWith("f")) {
            throw new IllegalArgumentException("bad number: " + s);
        }
        return Double.parseDouble(s);
    }
}
