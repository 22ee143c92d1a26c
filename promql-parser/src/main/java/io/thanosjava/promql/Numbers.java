package io.thanosjava.promql;

import io.thanosjava.promql.ast.PositionRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Number and duration literal conversion with Go's (and Prometheus') rules and messages. */
final class Numbers {
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_NANOS = {365L * 86_400_000_000_000L, 7L * 86_400_000_000_000L, 86_400_000_000_000L,
        3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};

    private Numbers() {
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)} (hex, leading-zero octal, underscores) and, if that
     * fails, {@code strconv.ParseFloat(s, 64)}.
     *
     * @throws NumberFormatException with Prometheus' {@code error parsing number: ...} message
     */
    static double parseNumber(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        Long asInt = parseGoInt(s);
        if (asInt != null) {
            return asInt;
        }
        String digits = s.replace("_", "");
        if (lower.startsWith("0x")) {
            throw new NumberFormatException("error parsing number: strconv.ParseFloat: parsing " + Lexer.quoteGo(s) + ": invalid syntax");
        }
        double v;
        try {
            v = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("error parsing number: strconv.ParseFloat: parsing " + Lexer.quoteGo(s) + ": invalid syntax");
        }
        if (Double.isInfinite(v)) {
            throw new NumberFormatException("error parsing number: strconv.ParseFloat: parsing " + Lexer.quoteGo(s) + ": value out of range");
        }
        return v;
    }

    /** The int64 value, or null where Go's ParseInt would fail (syntax or range). */
    private static Long parseGoInt(String s) {
        String digits = s.replace("_", "");
        int radix = 10;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(digits, radix);
        return v.compareTo(MAX_INT64) > 0 ? null : v.longValue();
    }

    /**
     * Prometheus' duration syntax ({@code 1h30m}, units {@code y w d h m s ms} from largest to
     * smallest, each once), in milliseconds.
     */
    static long parseDurationMillis(String s, PositionRange pos, String query) {
        if (s.equals("0")) {
            return 0;
        }
        long nanos = 0;
        int lastUnit = -1;
        int k = 0;
        while (k < s.length()) {
            int digitsStart = k;
            long value = 0;
            boolean overflow = false;
            while (k < s.length() && Lexer.isDigit(s.charAt(k))) {
                if (value > (Long.MAX_VALUE - 9) / 10) {
                    overflow = true;
                } else {
                    value = value * 10 + (s.charAt(k) - '0');
                }
                k++;
            }
            if (k == digitsStart || overflow) {
                throw invalidDuration(s, pos, query);
            }
            int unitStart = k;
            while (k < s.length() && !Lexer.isDigit(s.charAt(k))) {
                k++;
            }
            if (unitStart == k) {
                throw invalidDuration(s, pos, query);
            }
            int u = unitIndex(s, unitStart, k);
            if (u < 0) {
                throw error(pos, query, "unknown unit " + Lexer.quoteGo(s.substring(unitStart, k)) + " in duration " + Lexer.quoteGo(s));
            }
            if (u <= lastUnit) {
                throw invalidDuration(s, pos, query);
            }
            lastUnit = u;
            if (value > Long.MAX_VALUE / UNIT_NANOS[u] || nanos > Long.MAX_VALUE - value * UNIT_NANOS[u]) {
                throw error(pos, query, "duration out of range");
            }
            nanos += value * UNIT_NANOS[u];
        }
        return nanos / 1_000_000;
    }

    private static int unitIndex(String s, int from, int to) {
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].length() == to - from && s.startsWith(UNITS[u], from)) {
                return u;
            }
        }
        return -1;
    }

    private static ParseException invalidDuration(String s, PositionRange pos, String query) {
        return error(pos, query, "not a valid duration string: " + Lexer.quoteGo(s));
    }

    private static ParseException error(PositionRange pos, String query, String message) {
        return new ParseException(new ParseException.Error(pos, message, query));
    }

    /** Go's {@code math.Round}: halves away from zero. */
    static long goRound(double v) {
        double abs = Math.abs(v);
        double t = Math.floor(abs);
        if (abs - t >= 0.5) {
            t += 1;
        }
        return (long) Math.copySign(t, v);
    }

    /** Go's {@code %f}. */
    static String goPercentF(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }
}
