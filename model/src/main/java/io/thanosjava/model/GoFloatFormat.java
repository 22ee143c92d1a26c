package io.thanosjava.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting, as Prometheus prints numbers: the shortest decimal that parses back to
 * the same double (ties between equally short candidates go to the one nearest the exact binary
 * value), rendered the way Go's {@code strconv.FormatFloat} and {@code fmt} do. Prometheus writes
 * sample values this way in its HTTP API, in label values ({@code count_values}), in annotations
 * and in printed PromQL, so clients, caches and diff tests see byte-identical text.
 *
 * <p>Java's {@code Double.toString} is not usable: before JDK 19 it sometimes prints more digits
 * than needed, and its layout differs. Negative zero keeps its sign ({@code -0}); infinities print
 * as {@code +Inf} / {@code -Inf}, NaN as {@code NaN}.
 *
 * <p>Cost: integers below 2^53 and decimals of up to 15 significant digits are found in double
 * arithmetic, 16–17 digit values between about 1e-12 and 2^53 in exact 64/128-bit integer
 * arithmetic (a few hundred nanoseconds); only the remaining magnitudes use an exact
 * {@link BigDecimal} search.
 */
public final class GoFloatFormat {
    private static final int MAX_DIGITS = 17;
    private static final double TWO_POW_53 = 9007199254740992.0;
    /** Scaled values below this are handled in double arithmetic, at most 15 significant digits. */
    private static final double FAST_LIMIT = 1e15;
    /** 10^0 … 10^22, all exactly representable. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    /** 5^0 … 5^27, the largest powers that fit a long. */
    private static final long[] POWERS_OF_FIVE = powersOfFive(28);
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
    public static String formatApiValue(double v) {
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
        return formatGeneral(v, 6);
    }

    /**
     * Go's {@code fmt} verb {@code %v} for a float64: like {@link #formatG} but in scientific form
     * only when the decimal exponent is below −4 or at least 21 ({@code 1e+21}, {@code 1e-05},
     * {@code 100000000}). The PromQL printer writes {@code fill(…)} values this way.
     */
    public static String formatV(double v) {
        return formatGeneral(v, 21);
    }

    private static String formatGeneral(double v, int exponentFrom) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        Decimal d = Decimal.shortest(v);
        int exp = d.pointPosition - 1;
        StringBuilder sb = new StringBuilder(d.digits.length() + 8);
        if (exp < -4 || exp >= exponentFrom) {
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

    private static long[] powersOfFive(int n) {
        long[] out = new long[n];
        out[0] = 1;
        for (int i = 1; i < n; i++) {
            out[i] = out[i - 1] * 5;
        }
        return out;
    }

    /** {@link #formatE} computed by the exact BigDecimal search only, for cross-checking the fast paths. */
    static String formatEExact(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        StringBuilder sb = new StringBuilder(24);
        appendExponent(sb, Decimal.shortest(v, false));
        return sb.toString();
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
        private static final long NO_CANDIDATE = -1;
        private static final long UNDECIDED = -2;
        final boolean negative;
        final String digits;
        final int pointPosition;

        private Decimal(boolean negative, String digits, int pointPosition) {
            this.negative = negative;
            this.digits = digits;
            this.pointPosition = pointPosition;
        }

        static Decimal shortest(double v) {
            return shortest(v, true);
        }

        /** {@code fast = false} forces the exact BigDecimal search (kept for cross-checking in tests). */
        static Decimal shortest(double v, boolean fast) {
            boolean negative = v < 0 || (v == 0 && 1 / v < 0);
            double abs = Math.abs(v);
            if (abs == 0) {
                return new Decimal(negative, "0", 1);
            }
            if (fast) {
                if (abs < TWO_POW_53 && abs == Math.rint(abs)) {
                    // Integers below 2^53: neighbours are at most 1 apart, so no shorter decimal parses back.
                    String all = Long.toString((long) abs);
                    return new Decimal(negative, stripTrailingZeros(all), all.length());
                }
                Decimal quick = scaled(negative, abs);
                if (quick != null) {
                    return quick;
                }
            }
            BigDecimal exact = new BigDecimal(abs);
            int lo = 1;
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
         * Finds the shortest decimal by trying scales k = 0, 1, … (m·10^-k for integers m) and
         * taking the first scale at which a candidate parses back to {@code abs}; the first scale
         * gives the fewest digits and, within it, the candidate nearest to {@code abs} is taken.
         * While m stays below 10^15 plain double arithmetic is exact enough: the integer nearest to
         * v·10^k is recovered despite rounding, and m/10^k is the double nearest to m·10^-k, so
         * {@code m / 10^k == abs} holds exactly when m·10^-k parses back (and at that magnitude at
         * most one candidate per scale can). Beyond, {@link #exactAtScale} decides in integer
         * arithmetic, also for the scales beyond 10^22. Returns null when the scales run out (values
         * below about 1e-12 or from 2^53 on), leaving the exact search.
         */
        private static Decimal scaled(boolean negative, double abs) {
            if (abs >= TWO_POW_53) {
                return null;
            }
            for (int k = 0; k < POWERS_OF_TEN.length; k++) {
                double scaledValue = abs * POWERS_OF_TEN[k];
                if (scaledValue >= FAST_LIMIT) {
                    return exactFromScale(negative, abs, k, Math.min(k + 3, POWERS_OF_FIVE.length));
                }
                double m = Math.rint(scaledValue);
                if (m != 0 && m / POWERS_OF_TEN[k] == abs) {
                    String all = Long.toString((long) m);
                    return new Decimal(negative, stripTrailingZeros(all), all.length() - k);
                }
            }
            // Small values: no exact power of ten left for the double arithmetic.
            return exactFromScale(negative, abs, POWERS_OF_TEN.length, POWERS_OF_FIVE.length);
        }

        /**
         * The first scale in [from, to) with a parsing candidate (all smaller scales having none), or
         * null when the scales run out or one of them cannot be decided in 64/128-bit arithmetic.
         */
        private static Decimal exactFromScale(boolean negative, double abs, int from, int to) {
            for (int k = from; k < to; k++) {
                long m = exactAtScale(abs, k);
                if (m == UNDECIDED) {
                    return null;
                }
                if (m != NO_CANDIDATE) {
                    String all = Long.toString(m);
                    return new Decimal(negative, stripTrailingZeros(all), all.length() - k);
                }
            }
            return null;
        }

        /**
         * The integer m nearest to {@code abs·10^k} for which m·10^-k parses back to {@code abs},
         * preferring the nearer of the two neighbours; {@link #NO_CANDIDATE} if neither does;
         * {@link #UNDECIDED} if the exact arithmetic below would not fit. The two must stay apart:
         * skipping an undecided scale as if it had no candidate would return a longer decimal
         * from a later scale. With {@code abs = M·2^E}, {@code abs·10^k = T/2^s} where
         * {@code T = M·5^k} and {@code s = −(E + k)}; a candidate parses back when its distance to
         * that value is below half the gap to the neighbouring double (ties allowed when M is even,
         * because parsing rounds half to even), the gap below being halved at a power of two.
         */
        private static long exactAtScale(double abs, int k) {
            long bits = Double.doubleToRawLongBits(abs);
            int biasedExponent = (int) (bits >>> 52);
            if (biasedExponent == 0) {
                return UNDECIDED;
            }
            long mantissa = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
            int e = biasedExponent - 1075;
            int s = -(e + k);
            if (s <= 0 || s > 60) {
                return UNDECIDED;
            }
            long p5 = POWERS_OF_FIVE[k];
            long tHi = Math.multiplyHigh(mantissa, p5);
            long tLo = mantissa * p5;
            if ((tHi >>> s) != 0) {
                return UNDECIDED;
            }
            long floor = (tHi << (64 - s)) | (tLo >>> s);
            if (floor < 0 || floor >= Long.MAX_VALUE / 2) {
                return UNDECIDED;
            }
            long remainder = tLo & ((1L << s) - 1);
            long half = 1L << (s - 1);
            boolean nearestIsUp = remainder > half || (remainder == half && (floor & 1) == 1);
            // Distances and half-gaps in units of 2^-(s+2): the half-gap above is 5^k/2 · 2^-s.
            long above = 2 * p5;
            long below = mantissa == (1L << 52) && biasedExponent > 1 ? p5 : above;
            boolean evenMantissa = (mantissa & 1) == 0;
            long distanceDown = 4 * remainder;
            long distanceUp = 4 * ((1L << s) - remainder);
            boolean downParses = distanceDown < below || (distanceDown == below && evenMantissa);
            boolean upParses = distanceUp < above || (distanceUp == above && evenMantissa);
            if (nearestIsUp) {
                return upParses ? floor + 1 : downParses ? floor : NO_CANDIDATE;
            }
            return downParses ? floor : upParses ? floor + 1 : NO_CANDIDATE;
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
