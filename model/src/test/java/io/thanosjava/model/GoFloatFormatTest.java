package io.thanosjava.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "1|1", "-1|-1", "0.1|0.1", "1.5|1.5", "100|100", "1e-06|0.000001", "1e-7|1e-07",
        "1.5e-7|1.5e-07", "1e21|1e+21", "1.5e21|1.5e+21", "123456789012345680000|123456789012345680000",
        "0.30000000000000004|0.30000000000000004", "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308",
        "9007199254740993|9007199254740992", "-2.5e-8|-2.5e-08", "1e100|1e+100", "2e23|2e+23"})
    void apiValueFormatMatchesGo(double v, String expected) {
        assertThat(GoFloatFormat.formatApiValue(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e-7|0.0000001", "1e21|1000000000000000000000", "0.1|0.1", "-0.5|-0.5", "1e22|10000000000000000000000",
        "123.456|123.456"})
    void fFormatNeverUsesExponent(double v, String expected) {
        assertThat(GoFloatFormat.formatF(v)).isEqualTo(expected);
    }

    @Test
    void specials() {
        assertThat(GoFloatFormat.formatApiValue(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloatFormat.formatApiValue(StaleNaN.VALUE)).isEqualTo("NaN");
        assertThat(GoFloatFormat.formatApiValue(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloatFormat.formatApiValue(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoFloatFormat.formatApiValue(-0.0)).isEqualTo("-0");
        assertThat(GoFloatFormat.formatF(-0.0)).isEqualTo("-0");
    }

    /** Every value string Prometheus' API wrote for the golden chunks (22,809 samples). */
    @Test
    void matchesEveryValueStringPrometheusWrote() throws Exception {
        Path file = SharedData.path("golden", "xor-chunks.jsonl");
        Pattern sample = Pattern.compile("\\[(-?\\d+),\"([^\"]*)\",\"([0-9a-f]{16})\"\\]");
        int checked = 0;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Matcher m = sample.matcher(line);
                while (m.find()) {
                    double v = Double.longBitsToDouble(Long.parseUnsignedLong(m.group(3), 16));
                    assertThat(GoFloatFormat.formatApiValue(v)).as("bits %s", m.group(3)).isEqualTo(m.group(2));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(22_809);
    }

    @Property(tries = 3000)
    void shortestRoundTrips(@ForAll double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return;
        }
        String s = GoFloatFormat.formatF(v);
        assertThat(Double.parseDouble(s)).isEqualTo(v);
        String digits = s.replace("-", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
        assertThat(digits.length()).isLessThanOrEqualTo(17);
    }

    /** Expectations are Go's strconv output ('f', -1) and ('e', -1); shortest digits closest to the value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0|0|0e+00",
            "-0.0|-0|-0e+00",
            "1.0|1|1e+00",
            "-1.0|-1|-1e+00",
            "5.0|5|5e+00",
            "0.1|0.1|1e-01",
            "0.3|0.3|3e-01",
            "0.3333333333333333|0.3333333333333333|3.333333333333333e-01",
            "0.6666666666666666|0.6666666666666666|6.666666666666666e-01",
            "1e21|1000000000000000000000|1e+21",
            "1e-7|0.0000001|1e-07",
            "1e20|100000000000000000000|1e+20",
            "1.2345678901234568e17|123456789012345680|1.2345678901234568e+17",
            "2.2250738585072014e-308|0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000022250738585072014|2.2250738585072014e-308",
            "9007199254740992.0|9007199254740992|9.007199254740992e+15",
            "4.35|4.35|4.35e+00",
            "100.0|100|1e+02",
            "1e23|100000000000000000000000|1e+23",
            "2e23|200000000000000000000000|2e+23",
            "8.41e21|8410000000000000000000|8.41e+21",
            "1e-6|0.000001|1e-06",
            "1234.5678|1234.5678|1.2345678e+03",
            "-0.0001234|-0.0001234|-1.234e-04",
            "2.5e-8|0.000000025|2.5e-08",
            "123456.0|123456|1.23456e+05",
            "3.0000000000000004|3.0000000000000004|3.0000000000000004e+00",
            "0.30000000000000004|0.30000000000000004|3.0000000000000004e-01",
            "1e15|1000000000000000|1e+15",
            "1e17|100000000000000000|1e+17",
            "9.223372036854776e18|9223372036854776000|9.223372036854776e+18",
            "1.5e300|1500000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000|1.5e+300",
    })
    void formatsLikeGoStrconv(double v, String f, String e) {
        assertThat(GoFloatFormat.formatF(v)).isEqualTo(f);
        assertThat(GoFloatFormat.formatE(v)).isEqualTo(e);
    }

    @Test
    void extremesOfTheDoubleRange() {
        assertThat(GoFloatFormat.formatE(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(GoFloatFormat.formatE(3 * Double.MIN_VALUE)).isEqualTo("1.5e-323");
        assertThat(GoFloatFormat.formatE(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(GoFloatFormat.formatF(Double.MIN_VALUE)).startsWith("0.000").endsWith("0005").hasSize(326);
    }

    @Test
    void specialValues() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            String expected = Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
            assertThat(GoFloatFormat.formatF(v)).isEqualTo(expected);
            assertThat(GoFloatFormat.formatE(v)).isEqualTo(expected);
            assertThat(GoFloatFormat.formatApiValue(v)).isEqualTo(expected);
            assertThat(GoFloatFormat.formatG(v)).isEqualTo(expected);
            assertThat(GoFloatFormat.formatFixed6(v)).isEqualTo(expected);
        }
    }

    @Test
    void jsonFormSwitchesToExponentOutsideOneMillionthToTenToTheTwentyFirst() {
        assertThat(GoFloatFormat.formatApiValue(1e-7)).isEqualTo("1e-07");
        assertThat(GoFloatFormat.formatApiValue(-1e-7)).isEqualTo("-1e-07");
        assertThat(GoFloatFormat.formatApiValue(1e-6)).isEqualTo("0.000001");
        assertThat(GoFloatFormat.formatApiValue(9.99e-7)).isEqualTo("9.99e-07");
        assertThat(GoFloatFormat.formatApiValue(1e21)).isEqualTo("1e+21");
        assertThat(GoFloatFormat.formatApiValue(999999999999999900000.0)).isEqualTo("999999999999999900000");
        assertThat(GoFloatFormat.formatApiValue(0.0)).isEqualTo("0");
        assertThat(GoFloatFormat.formatApiValue(-0.0)).isEqualTo("-0");
        assertThat(GoFloatFormat.formatApiValue(1.5)).isEqualTo("1.5");
        assertThat(GoFloatFormat.formatApiValue(123456789.0)).isEqualTo("123456789");
    }

    @Test
    void percentGUsesExponentBelowMinusFourAndFromSix() {
        assertThat(GoFloatFormat.formatG(100000)).isEqualTo("100000");
        assertThat(GoFloatFormat.formatG(1e6)).isEqualTo("1e+06");
        assertThat(GoFloatFormat.formatG(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoFloatFormat.formatG(0.0001)).isEqualTo("0.0001");
        assertThat(GoFloatFormat.formatG(0.00001)).isEqualTo("1e-05");
        assertThat(GoFloatFormat.formatG(-1.5)).isEqualTo("-1.5");
        assertThat(GoFloatFormat.formatG(0)).isEqualTo("0");
    }

    @Test
    void percentVUsesExponentBelowMinusFourAndFromTwentyOne() {
        assertThat(GoFloatFormat.formatV(1e20)).isEqualTo("100000000000000000000");
        assertThat(GoFloatFormat.formatV(1e21)).isEqualTo("1e+21");
        assertThat(GoFloatFormat.formatV(1234567)).isEqualTo("1234567");
        assertThat(GoFloatFormat.formatV(0.0001)).isEqualTo("0.0001");
        assertThat(GoFloatFormat.formatV(0.000015)).isEqualTo("1.5e-05");
        assertThat(GoFloatFormat.formatV(-0.0)).isEqualTo("-0");
        assertThat(GoFloatFormat.formatV(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void percentFRoundsTheExactBinaryValueHalfToEven() {
        assertThat(GoFloatFormat.formatFixed6(0.5)).isEqualTo("0.500000");
        assertThat(GoFloatFormat.formatFixed6(1)).isEqualTo("1.000000");
        assertThat(GoFloatFormat.formatFixed6(-2)).isEqualTo("-2.000000");
        assertThat(GoFloatFormat.formatFixed6(-0.0)).isEqualTo("-0.000000");
        assertThat(GoFloatFormat.formatFixed6(-1e-9)).isEqualTo("-0.000000");
        // 5e-7 is stored as 4.99999999999999977e-7, so Go rounds down where Java's %f rounds up.
        assertThat(GoFloatFormat.formatFixed6(5e-7)).isEqualTo("0.000000");
        assertThat(GoFloatFormat.formatFixed6(1.0000005)).isEqualTo("1.000001");
        assertThat(GoFloatFormat.formatFixed6(1e20)).isEqualTo("100000000000000000000.000000");
    }

    @Property(tries = 3000)
    void shortestDigitsRoundTripAndCannotBeShortened(@ForAll double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        String e = GoFloatFormat.formatE(v);
        String f = GoFloatFormat.formatF(v);
        assertThat(Double.parseDouble(e)).isEqualTo(v);
        assertThat(Double.parseDouble(f)).isEqualTo(v);
        String mantissa = e.substring(e.startsWith("-") ? 1 : 0, e.indexOf('e')).replace(".", "");
        if (mantissa.length() > 1) {
            BigDecimal exact = new BigDecimal(Math.abs(v));
            int shorter = mantissa.length() - 1;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                double candidate = exact.round(new MathContext(shorter, mode)).doubleValue();
                assertThat(candidate).as("%s digits of %s (%s)", shorter, v, mode).isNotEqualTo(Math.abs(v));
            }
        }
    }

    @Property(tries = 2000)
    void agreesWithJavaShortestDigitsWhereJavaIsShortest(@ForAll long bits) {
        double v = Double.longBitsToDouble(bits);
        if (!Double.isFinite(v) || v == 0) {
            return;
        }
        // Java's BigDecimal(Double.toString) gives round-tripping digits; ours must be no longer.
        String ours = GoFloatFormat.formatE(Math.abs(v));
        int ourDigits = ours.indexOf('e') - (ours.contains(".") ? 1 : 0);
        int javaDigits = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros().precision();
        assertThat(ourDigits).isLessThanOrEqualTo(javaDigits);
        assertThat(Double.parseDouble(ours)).isEqualTo(Math.abs(v));
    }

    /** Decimals with few digits take the double-arithmetic path; they must agree with the exact search. */
    @Property(tries = 3000)
    void shortDecimalsRoundTripWithTheirOwnDigits(@ForAll long mantissa, @ForAll @IntRange(min = -30, max = 30) int exponent) {
        long digits = Math.abs(mantissa % 1_000_000_000_000L);
        if (digits == 0) {
            return;
        }
        BigDecimal decimal = BigDecimal.valueOf(digits, -exponent).stripTrailingZeros();
        double v = decimal.doubleValue();
        String e = GoFloatFormat.formatE(v);
        assertThat(new BigDecimal(e).compareTo(decimal)).as("%s → %s", decimal, e).isZero();
    }

    @Property(tries = 10000)
    void fastPathsAgreeWithTheExactSearch(@ForAll long bits) {
        double v = Double.longBitsToDouble(bits);
        assertThat(GoFloatFormat.formatE(v)).isEqualTo(GoFloatFormat.formatEExact(v));
    }

    @Property(tries = 10000)
    void fastPathsAgreeWithTheExactSearchForEverydayMagnitudes(@ForAll @DoubleRange(min = 0, max = 1e6) double base,
                                                              @ForAll @IntRange(min = -8, max = 12) int exponent) {
        double v = base * Math.pow(10, exponent) / 1e6;
        assertThat(GoFloatFormat.formatE(v)).isEqualTo(GoFloatFormat.formatEExact(v));
        double ratio = base / 3.0 / (exponent + 9);
        assertThat(GoFloatFormat.formatE(ratio)).isEqualTo(GoFloatFormat.formatEExact(ratio));
    }

    @Test
    void fastPathsAgreeAroundPowersOfTwoAndTen() {
        for (int e = -30; e <= 60; e++) {
            double p = Math.scalb(1.0, e);
            for (double v : new double[] {p, Math.nextUp(p), Math.nextDown(p), p * 1.1, p / 3}) {
                assertThat(GoFloatFormat.formatE(v)).as("%s", v).isEqualTo(GoFloatFormat.formatEExact(v));
            }
        }
        for (int e = -8; e <= 16; e++) {
            double p = Double.parseDouble("1e" + e);
            for (double v : new double[] {p, Math.nextUp(p), Math.nextDown(p), 9.999999999999999 * p, 0.1 * p + 0.2 * p}) {
                assertThat(GoFloatFormat.formatE(v)).as("%s", v).isEqualTo(GoFloatFormat.formatEExact(v));
            }
        }
    }

    @Test
    void aScaleTooLargeForIntegerArithmeticFallsBackToTheExactSearch() {
        // At 10^25 this value's exact product no longer fits 64 bits; skipping that scale as if it
        // had no candidate once printed 16 digits (…869981e-11) where 15 suffice.
        assertThat(GoFloatFormat.formatE(-7.34127785386998e-11)).isEqualTo("-7.34127785386998e-11");
    }

    /** Every binary exponent, with mantissas at the edges and in between: each fast path's range is crossed. */
    @Test
    void fastPathsAgreeAcrossEveryBinaryExponent() {
        long[] mantissas = {0, 1, 2, 0x8000000000000L, 0x5555555555555L, 0xAAAAAAAAAAAAAL, 0xFFFFFFFFFFFFEL, 0xFFFFFFFFFFFFFL};
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (long biased = 0; biased < 2047; biased++) {
            for (int i = 0; i < mantissas.length + 4; i++) {
                long mantissa = i < mantissas.length ? mantissas[i] : random.nextLong() & 0xFFFFFFFFFFFFFL;
                double v = Double.longBitsToDouble(biased << 52 | mantissa);
                assertThat(GoFloatFormat.formatE(v)).as("%s", v).isEqualTo(GoFloatFormat.formatEExact(v));
            }
        }
    }

    @Property(tries = 2000)
    void integersRenderAsPlainDigits(@ForAll long n) {
        long bounded = n % (1L << 53);
        assertThat(GoFloatFormat.formatF(bounded)).isEqualTo(Long.toString(bounded));
    }
}
