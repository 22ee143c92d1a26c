package io.thanosjava.engine.functions;

/**
 * The per-sample math of PromQL's instant-vector functions, following Go's {@code math} package
 * where Java's library differs: the natural logarithm is Go's own reduction and polynomial (it
 * differs from fdlibm and from a correctly rounded log in about 1% of inputs), and {@code log2},
 * {@code log10}, {@code asinh}, {@code acosh}, {@code atanh} are built on it with Go's formulas.
 * The fdlibm-based {@link StrictMath} does the rest, so results are platform-independent; exp and
 * the trigonometric functions may differ from Go in the last bit (Go uses assembly or
 * Cephes-derived code there).
 */
public final class InstantMath {
    private static final double LN2 = 0.693147180559945309417232121458176568;
    /** 1/ln 2 and 1/ln 10 rounded once from the exact values, as Go's constant arithmetic does. */
    private static final double LOG2_E = 1.44269504088896340735992468100189214;
    private static final double LOG10_E = 0.434294481903251827651128918916605082;
    private static final double NEAR_ZERO = 1.0 / (1 << 28);
    private static final double SQRT2_HALF = 0.7071067811865476;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double L1 = 6.666666666666735130e-01;
    private static final double L2 = 3.999999999940941908e-01;
    private static final double L3 = 2.857142874366239149e-01;
    private static final double L4 = 2.222219843214978396e-01;
    private static final double L5 = 1.818357216161805012e-01;
    private static final double L6 = 1.531383769920937332e-01;
    private static final double L7 = 1.479819860511658591e-01;
    private static final double LARGE = 1 << 28;

    private InstantMath() {
    }

    public static double abs(double v) {
        return Math.abs(v);
    }

    public static double ceil(double v) {
        return Math.ceil(v);
    }

    public static double floor(double v) {
        return Math.floor(v);
    }

    public static double exp(double v) {
        return StrictMath.exp(v);
    }

    public static double sqrt(double v) {
        return Math.sqrt(v);
    }

    /**
     * Go's {@code math.Log}: reduce to {@code f1 × 2^k} with {@code f1} in [√2/2, √2), then
     * {@code k·ln2hi − ((hfsq − (s·(hfsq + R) + k·ln2lo)) − f)} with {@code f = f1 − 1},
     * {@code s = f/(2 + f)} and R the degree-14 polynomial in s.
     */
    public static double ln(double v) {
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
            return v;
        }
        if (v < 0) {
            return Double.NaN;
        }
        if (v == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int k = frexpExponent(v);
        double f1 = Math.scalb(v, -k);
        if (f1 < SQRT2_HALF) {
            f1 *= 2;
            k--;
        }
        double f = f1 - 1;
        double s = f / (2 + f);
        double s2 = s * s;
        double s4 = s2 * s2;
        double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
        double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
        double r = t1 + t2;
        double hfsq = 0.5 * f * f;
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
    }

    /** Go's {@code math.Log2}: exact for powers of two, else {@code log(frac)·(1/ln2) + exp}. */
    public static double log2(double v) {
        if (Double.isNaN(v) || v <= 0 || Double.isInfinite(v)) {
            return ln(v);
        }
        int exp = frexpExponent(v);
        double frac = Math.scalb(v, -exp);
        if (frac == 0.5) {
            return exp - 1;
        }
        return ln(frac) * LOG2_E + exp;
    }

    /** Go's {@code math.Log10}: {@code log(v) × (1/ln10)}. */
    public static double log10(double v) {
        return ln(v) * LOG10_E;
    }

    /** The exponent of Go's {@code math.Frexp}: {@code v = frac × 2^exp} with frac in [0.5, 1); v finite, non-zero. */
    private static int frexpExponent(double v) {
        int e = Math.getExponent(v);
        if (e == Double.MIN_EXPONENT - 1) {
            e = Math.getExponent(v * 0x1p52) - 52;
        }
        return e + 1;
    }

    /** −1 for negative, +1 for positive, the value itself for ±0 and NaN. */
    public static double sgn(double v) {
        if (v < 0) {
            return -1;
        }
        if (v > 0) {
            return 1;
        }
        return v;
    }

    /**
     * {@code round(v, toNearest)}: {@code floor(v × inv + 0.5) / inv} with {@code inv = 1/toNearest};
     * ties round up.
     */
    public static double round(double v, double toNearest) {
        double inverse = 1.0 / toNearest;
        return Math.floor(v * inverse + 0.5) / inverse;
    }

    /** {@code clamp(v, min, max)} = {@code max(min, min(max, v))}; the caller drops everything when max &lt; min. */
    public static double clamp(double v, double min, double max) {
        return goMax(min, goMin(max, v));
    }

    /** {@code clamp_min(v, min)} = Go's {@code math.Max(min, v)}. */
    public static double clampMin(double v, double min) {
        return goMax(min, v);
    }

    /** {@code clamp_max(v, max)} = Go's {@code math.Min(max, v)}. */
    public static double clampMax(double v, double max) {
        return goMin(max, v);
    }

    /** {@code deg}: {@code v × 180 / π}. */
    public static double deg(double v) {
        return v * 180 / Math.PI;
    }

    /** {@code rad}: {@code v × π / 180}. */
    public static double rad(double v) {
        return v * Math.PI / 180;
    }

    public static double sin(double v) {
        return StrictMath.sin(v);
    }

    public static double cos(double v) {
        return StrictMath.cos(v);
    }

    public static double tan(double v) {
        return StrictMath.tan(v);
    }

    public static double asin(double v) {
        return StrictMath.asin(v);
    }

    public static double acos(double v) {
        return StrictMath.acos(v);
    }

    public static double atan(double v) {
        return StrictMath.atan(v);
    }

    public static double sinh(double v) {
        return StrictMath.sinh(v);
    }

    public static double cosh(double v) {
        return StrictMath.cosh(v);
    }

    public static double tanh(double v) {
        return StrictMath.tanh(v);
    }

    /** Go's {@code math.Asinh}. */
    public static double asinh(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        boolean negative = v < 0;
        double x = Math.abs(v);
        double result;
        if (x > LARGE) {
            result = ln(x) + LN2;
        } else if (x > 2) {
            result = ln(2 * x + 1 / (Math.sqrt(x * x + 1) + x));
        } else if (x < NEAR_ZERO) {
            result = x;
        } else {
            result = StrictMath.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
        }
        return negative ? -result : result;
    }

    /** Go's {@code math.Acosh}: NaN below 1. */
    public static double acosh(double v) {
        if (v < 1 || Double.isNaN(v)) {
            return Double.NaN;
        }
        if (v == 1) {
            return 0;
        }
        if (v >= LARGE) {
            return ln(v) + LN2;
        }
        if (v > 2) {
            return ln(2 * v - 1 / (v + Math.sqrt(v * v - 1)));
        }
        double t = v - 1;
        return StrictMath.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** Go's {@code math.Atanh}: NaN outside [−1, 1], ±Inf at ±1. */
    public static double atanh(double v) {
        if (v < -1 || v > 1 || Double.isNaN(v)) {
            return Double.NaN;
        }
        if (v == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (v == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        boolean negative = v < 0;
        double x = Math.abs(v);
        double result;
        if (x < NEAR_ZERO) {
            result = x;
        } else if (x < 0.5) {
            double twice = x + x;
            result = 0.5 * StrictMath.log1p(twice + twice * x / (1 - x));
        } else {
            result = 0.5 * StrictMath.log1p((x + x) / (1 - x));
        }
        return negative ? -result : result;
    }

    /** Go's {@code math.Max}: NaN wins, +0 beats −0. */
    static double goMax(double a, double b) {
        if (Double.isInfinite(a) && a > 0 || Double.isInfinite(b) && b > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return Math.max(a, b);
    }

    /** Go's {@code math.Min}: NaN wins, −0 beats +0. */
    static double goMin(double a, double b) {
        if (Double.isInfinite(a) && a < 0 || Double.isInfinite(b) && b < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return Math.min(a, b);
    }
}
