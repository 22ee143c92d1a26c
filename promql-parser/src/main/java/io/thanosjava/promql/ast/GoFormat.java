package io.thanosjava.promql.ast;

import java.math.BigDecimal;
import java.math.MathContext;

/** Go's text forms that PromQL output relies on: {@code fmt}'s {@code %v} for floats, {@code strconv.Quote}. */
public final class GoFormat {
    private GoFormat() {
    }

    /**
     * Go's {@code %v} for a float64: the shortest decimal that parses back to the same double,
     * in {@code %e} form when the decimal exponent is below -4 or at least 21, else plain.
     */
    public static String formatFloat(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        BigDecimal shortest = shortest(v);
        String digits = shortest.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - shortest.scale();
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
        }
        if (exp < -4 || exp >= 21) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int absExp = Math.abs(exp);
            if (absExp < 10) {
                sb.append('0');
            }
            sb.append(absExp);
        } else if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (exp + 1 >= digits.length()) {
            sb.append(digits);
            for (int i = digits.length(); i <= exp; i++) {
                sb.append('0');
            }
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }

    /** The decimal with the fewest significant digits that rounds to {@code v}, trailing zeros stripped. */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision));
            if (candidate.doubleValue() == v) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17)).stripTrailingZeros();
    }

    /** Appends {@code s} as Go's {@code strconv.Quote} renders it. */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> appendRune(cp, out);
            }
        }
        out.append('"');
    }

    private static void appendRune(int cp, StringBuilder out) {
        if (isPrintable(cp)) {
            out.appendCodePoint(cp);
        } else if (cp < 0x80) {
            out.append("\\x").append(hex(cp, 2));
        } else if (cp < 0x10000) {
            out.append("\\u").append(hex(cp, 4));
        } else {
            out.append("\\U").append(hex(cp, 8));
        }
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(width - h.length()) + h;
    }

    /** Approximates Go's {@code unicode.IsPrint}: graphic characters and the ASCII space. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
