package io.thanosjava.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles exactly as Go's {@code strconv.FormatFloat(v, fmt, -1, 64)} does: the shortest
 * decimal that parses back to the same double (closest to the exact value among equally short
 * ones). Prometheus writes sample values this way in its HTTP API and in label values
 * ({@code count_values}), so clients, caches and diff tests see byte-identical text.
 *
 * <p>Java 17's {@code Double.toString} is not always shortest (fixed only in Java 19) and uses
 * another exponent syntax, so it serves as a fast first guess which is then shortened and checked.
 */
public final class GoFloatFormat {
    private static final long MAX_EXACT_LONG = 1L << 53;

    private GoFloatFormat() {
    }

    /** {@code FormatFloat(v, 'f', -1, 64)}: shortest digits, never an exponent; {@code NaN}, {@code +Inf}, {@code -Inf}. */
    public static String formatF(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (isSmallInteger(v)) {
            return Long.toString((long) v);
        }
        return shortest(v).toPlainString();
    }

    /**
     * The JSON API's sample-value format: like {@link #formatF} but with Go's exponent form
     * ({@code 1e-07}, {@code 1.5e+21}) when {@code 0 < |v| < 1e-6} or {@code |v| >= 1e21}.
     */
    public static String formatApiValue(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (isSmallInteger(v)) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        BigDecimal d = shortest(v);
        if (a < 1e-6 || a >= 1e21) {
            return exponentForm(d, v < 0);
        }
        return d.toPlainString();
    }

    /** Go's {@code %g}-style exponent form of a shortest decimal: {@code d[.ddd]e±XX}. */
    private static String exponentForm(BigDecimal d, boolean negative) {
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) {
            sb.append('0');
        }
        return sb.append(ae).toString();
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        return null;
    }

    private static boolean isSmallInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) < MAX_EXACT_LONG;
    }

    /**
     * The shortest decimal (trailing zeros stripped) that round-trips to {@code v}. Starts from
     * Java's round-tripping digits and tries one digit less at a time: the closest shorter
     * candidate first, then the neighbours on either side (which matter at powers of two, where
     * the rounding interval is asymmetric).
     */
    static BigDecimal shortest(double v) {
        BigDecimal best = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        BigDecimal exact = new BigDecimal(v);
        for (int p = best.precision() - 1; p >= 1; p--) {
            BigDecimal candidate = roundTrip(exact, p, v);
            if (candidate == null) {
                break;
            }
            best = candidate;
        }
        return best;
    }

    private static BigDecimal roundTrip(BigDecimal exact, int precision, double v) {
        BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == v) {
            return nearest.stripTrailingZeros();
        }
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN}) {
            BigDecimal side = exact.round(new MathContext(precision, mode));
            if (side.doubleValue() == v) {
                return side.stripTrailingZeros();
            }
        }
        return null;
    }
}
