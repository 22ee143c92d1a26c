package io.thanosjava.engine.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting, as Prometheus prints numbers: the shortest decimal that parses back to
 * the same double (ties between equally short candidates go to the one nearest the exact binary
 * value), rendered the way Go's {@code strconv.FormatFloat} does.
 *
 * <p>Java's {@code Double.toString} is not usable: before JDK 19 it sometimes prints more digits
 * than needed, and its layout differs. Negative zero keeps its sign ({@code -0}); infinities print
 * as {@code +Inf} / {@code -Inf}, NaN as {@code NaN}.
 */
public final class GoFloatFormat {
    private static final int MAX_DIGITS = 17;
    private static final double TWO_POW_53 = 9007199254740992.0;
    /** Significant digits the double-arithmetic fast path handles, and its bound 10^FAST_DIGITS. */
    private static final int FAST_DIGITS = 15;
    private static final double FAST_LIMIT = 1e15;
    /** 10^0 … 10^22, all exactly representable. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final MathContext[] NEAREST = contexts(RoundingMode.HALF_EVEN);
    private static final MathContext[] DOWN = contexts(RoundingMode.FLOOR);
    private static final MathContext[] UP = contexts(RoundingMode.CEILING);

    private GoFloatFormat() {
    }

    /**
     * Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest digits, never an exponent
     * ({@code 1e21} → {@code 1000000000000000000000}, {@code 1e-7} → {@code 0.0000001},
     * {@code 5.0} → {@code 5}). Used for {@code count_values} labels.
     */
    public static String formatF(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        Decimal d = Decimal.shortest(v);
        StringBuilder sb = new StringBuilder(d.digits.length() + 8);
        appendFixed(sb, d);
        return sb.toString();
    }

    /**
     * Go's {@code strconv.FormatFloat(v, 'e', -1, 64)}: shortest digits in scientific form with at
     * least two exponent digits ({@code 1e-07}, {@code 1.5e+21}).
     */
    public static String formatE(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        Decimal d = Decimal.shortest(v);
        StringBuilder sb = new StringBuilder(d.digits.length() + 8);
        appendExponent(sb, d);
        return sb.toString();
    }

    /**
     * The number form of Prometheus' JSON API: {@code 'e'} when {@code 0 < |v| < 1e-6} or
     * {@code |v| >= 1e21}, {@code 'f'} otherwise, both with shortest digits.
     */
    public static String shortest(double v) {
        double abs = Math.abs(v);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            return formatE(v);
        }
        return formatF(v);
    }

    /**
     * Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, which is also {@code fmt}'s {@code %g}:
     * shortest digits, scientific form when the decimal exponent is below −4 or at least 6
     * ({@code 1e+06}, {@code 1e-05}, {@code 100000}, {@code 0.5}). Used in annotation texts such as
     * the invalid-quantile warning.
     */
    public static String formatG(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        Decimal d = Decimal.shortest(v);
        int exp = d.pointPosition - 1;
        StringBuilder sb = new StringBuilder(d.digits.length() + 8);
        if (exp < -4 || exp >= 6) {
            appendExponent(sb, d);
        } else {
            appendFixed(sb, d);
        }
        return sb.toString();
    }

    /**
     * Go's {@code %f}: exactly six decimals, rounded half-to-even from the exact binary value
     * (Java's {@code %f} rounds half-up from the shortest repr and differs). Used in error texts.
     */
    public static String formatFixed6(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String plain = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && plain.charAt(0) != '-' ? "-" + plain : plain;
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return null;
    }

    private static void appendFixed(StringBuilder sb, Decimal d) {
        if (d.negative) {
            sb.append('-');
        }
        String digits = d.digits;
        int n = digits.length();
        int point = d.pointPosition;
        if (point <= 0) {
            sb.append("0.");
            for (int i = point; i < 0; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (point >= n) {
            sb.append(digits);
            for (int i = n; i < point; i++) {
                sb.append('0');
            }
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, n);
        }
    }

    private static void appendExponent(StringBuilder sb, Decimal d) {
        if (d.negative) {
            sb.append('-');
        }
        String digits = d.digits;
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        int exp = d.pointPosition - 1;
        sb.append('e').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            sb.append('0');
        }
        sb.append(exp);
    }

    private static MathContext[] contexts(RoundingMode mode) {
        MathContext[] out = new MathContext[MAX_DIGITS + 1];
        for (int p = 1; p <= MAX_DIGITS; p++) {
            out[p] = new MathContext(p, mode);
        }
        return out;
    }

    /** A finite value as {@code 0.digits × 10^pointPosition}, digits without trailing zeros. */
    private static final class Decimal {
        final boolean negative;
        final String digits;
        final int pointPosition;

        private Decimal(boolean negative, String digits, int pointPosition) {
            this.negative = negative;
            this.digits = digits;
            this.pointPosition = pointPosition;
        }

        static Decimal shortest(double v) {
            boolean negative = v < 0 || (v == 0 && 1 / v < 0);
            double abs = Math.abs(v);
            if (abs == 0) {
                return new Decimal(negative, "0", 1);
            }
            if (abs < TWO_POW_53 && abs == Math.rint(abs)) {
                // Integers below 2^53: neighbours are at most 1 apart, so no shorter decimal parses back.
                String all = Long.toString((long) abs);
                return new Decimal(negative, stripTrailingZeros(all), all.length());
            }
            Decimal fast = fewDigits(negative, abs);
            if (fast != null) {
                return fast;
            }
            BigDecimal exact = new BigDecimal(abs);
            // In [1e-7, 1e15) the fast path tried every scale below FAST_DIGITS digits; elsewhere it proved nothing.
            int lo = abs >= 1e-7 && abs < FAST_LIMIT ? FAST_DIGITS + 1 : 1;
            int hi = MAX_DIGITS;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (roundTripping(exact, mid, abs) != null) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            BigDecimal chosen = roundTripping(exact, lo, abs).stripTrailingZeros();
            String digits = chosen.unscaledValue().toString();
            return new Decimal(negative, digits, digits.length() - chosen.scale());
        }

        /**
         * Finds the shortest decimal when it has at most {@link #FAST_DIGITS} significant digits,
         * in plain double arithmetic: for scales k = 0, 1, … the integer m nearest to v·10^k is
         * exact enough (m &lt; 10^15 keeps all rounding errors far below 0.5) and m/10^k is the
         * double nearest to m·10^-k, so {@code m / 10^k == v} holds exactly when m·10^-k parses back
         * to v. The first such scale gives the fewest digits, and at that magnitude at most one
         * candidate per scale can parse back, so it is also the one nearest to v. Returns null
         * when more digits are needed or v is below 1e-7, too small for the exact powers of ten.
         */
        private static Decimal fewDigits(boolean negative, double abs) {
            for (int k = 0; k < POWERS_OF_TEN.length; k++) {
                double scaled = abs * POWERS_OF_TEN[k];
                if (scaled >= FAST_LIMIT) {
                    return null;
                }
                double m = Math.rint(scaled);
                if (m != 0 && m / POWERS_OF_TEN[k] == abs) {
                    String all = Long.toString((long) m);
                    return new Decimal(negative, stripTrailingZeros(all), all.length() - k);
                }
            }
            return null;
        }

        /**
         * The {@code digits}-digit decimal nearest to {@code exact} if it parses back to
         * {@code target}; otherwise the other neighbour if that one does (the rounding interval is
         * lopsided at powers of two); otherwise null. Round-tripping is monotone in the digit count,
         * which makes the binary search above valid.
         */
        private static BigDecimal roundTripping(BigDecimal exact, int digits, double target) {
            BigDecimal nearest = exact.round(NEAREST[digits]);
            if (nearest.doubleValue() == target) {
                return nearest;
            }
            BigDecimal down = exact.round(DOWN[digits]);
            if (down.doubleValue() == target) {
                return down;
            }
            BigDecimal up = exact.round(UP[digits]);
            return up.doubleValue() == target ? up : null;
        }

        private static String stripTrailingZeros(String digits) {
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return digits.substring(0, end);
        }
    }
}
