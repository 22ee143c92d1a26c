package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;
import org.junit.jupiter.api.Test;

class InstantMathTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void roundGoesHalfUpAndUsesTheInverse() {
        assertThat(InstantMath.round(2.5, 1)).isEqualTo(3.0);
        assertThat(InstantMath.round(-2.5, 1)).isEqualTo(-2.0);
        assertThat(InstantMath.round(1.04, 0.1)).isEqualTo(Math.floor(1.04 * 10 + 0.5) / 10);
        assertThat(InstantMath.round(123, 5)).isEqualTo(125.0);
        assertThat(InstantMath.round(NAN, 1)).isNaN();
        assertThat(InstantMath.round(INF, 1)).isEqualTo(INF);
    }

    @Test
    void sgnKeepsZerosAndNaN() {
        assertThat(InstantMath.sgn(-3)).isEqualTo(-1.0);
        assertThat(InstantMath.sgn(0.1)).isEqualTo(1.0);
        assertThat(1 / InstantMath.sgn(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(InstantMath.sgn(NAN)).isNaN();
    }

    @Test
    void clampMinAndMaxFollowGoMaxAndMin() {
        assertThat(InstantMath.clampMin(-5, 0)).isEqualTo(0.0);
        assertThat(InstantMath.clampMin(5, 0)).isEqualTo(5.0);
        assertThat(InstantMath.clampMin(NAN, INF)).isEqualTo(INF);
        assertThat(InstantMath.clampMin(NAN, 0)).isNaN();
        assertThat(InstantMath.clampMax(5, 3)).isEqualTo(3.0);
        assertThat(InstantMath.clampMax(NAN, -INF)).isEqualTo(-INF);
        assertThat(InstantMath.clampMax(NAN, 3)).isNaN();
        assertThat(Double.doubleToRawLongBits(InstantMath.clampMax(0.0, -0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @org.junit.jupiter.api.Test
    void clampFollowsGoMinMax() {
        assertThat(InstantMath.clamp(5, 0, 3)).isEqualTo(3.0);
        assertThat(InstantMath.clamp(-5, 0, 3)).isEqualTo(0.0);
        assertThat(InstantMath.clamp(NAN, 0, 3)).isNaN();
        // Go's Max/Min let an infinity beat NaN.
        assertThat(InstantMath.clamp(NAN, -INF, INF)).isNaN();
        assertThat(InstantMath.clamp(NAN, INF, INF)).isEqualTo(INF);
        assertThat(InstantMath.clamp(NAN, 0, -INF)).isEqualTo(0.0);
        assertThat(1 / InstantMath.clamp(-0.0, 0, 1)).isEqualTo(INF);
    }

    @Test
    void logarithms() {
        assertThat(InstantMath.ln(0)).isEqualTo(-INF);
        assertThat(InstantMath.ln(-1)).isNaN();
        assertThat(InstantMath.log2(8)).isEqualTo(3.0);
        assertThat(InstantMath.log2(0.5)).isEqualTo(-1.0);
        assertThat(InstantMath.log2(Double.MIN_VALUE)).isEqualTo(-1074.0);
        assertThat(InstantMath.log2(Double.MAX_VALUE)).isCloseTo(1024, within(1e-9));
        assertThat(InstantMath.log2(0)).isEqualTo(-INF);
        assertThat(InstantMath.log2(INF)).isEqualTo(INF);
        assertThat(InstantMath.log2(-2)).isNaN();
        assertThat(InstantMath.log10(1000)).isEqualTo(3.0);
        assertThat(InstantMath.log10(0)).isEqualTo(-INF);
    }

    /** Go's math.Log results, including inputs where it is one ulp off the correctly rounded value. */
    @Test
    void naturalLogIsGosAlgorithmBitForBit() {
        assertThat(InstantMath.ln(60817)).isEqualTo(Double.parseDouble("0x1.607fff3b93eb0p+3"));
        assertThat(InstantMath.ln(638540)).isEqualTo(Double.parseDouble("0x1.abbdf81d561d2p+3"));
        assertThat(InstantMath.ln(801711)).isEqualTo(Double.parseDouble("0x1.b3062c259e5eap+3"));
        assertThat(InstantMath.ln(324647)).isEqualTo(Double.parseDouble("0x1.96188647ab454p+3"));
        assertThat(InstantMath.ln(2)).isEqualTo(Double.parseDouble("0x1.62e42fefa39efp-1"));
        assertThat(InstantMath.ln(10)).isEqualTo(Double.parseDouble("0x1.26bb1bbb55516p+1"));
        assertThat(InstantMath.ln(1e-300)).isEqualTo(Double.parseDouble("-0x1.5963447f87fb5p+9"));
        assertThat(InstantMath.ln(Double.MIN_VALUE)).isEqualTo(Double.parseDouble("-0x1.74385446d71c3p+9"));
        assertThat(InstantMath.ln(Double.MAX_VALUE)).isEqualTo(Double.parseDouble("0x1.62e42fefa39efp+9"));
        assertThat(InstantMath.ln(0.75)).isEqualTo(Double.parseDouble("-0x1.269621134db92p-2"));
        assertThat(InstantMath.ln(0.01)).isEqualTo(-4.605170185988092);
        assertThat(InstantMath.ln(1)).isEqualTo(0.0);
        assertThat(InstantMath.ln(INF)).isEqualTo(INF);
        assertThat(InstantMath.ln(NAN)).isNaN();
    }

    @Property(tries = 1000)
    void naturalLogIsWithinAnUlpOfTheCorrectlyRoundedValue(@ForAll @Positive double v) {
        if (Double.isInfinite(v)) {
            return;
        }
        assertThat(InstantMath.ln(v)).isCloseTo(StrictMath.log(v), within(2 * Math.ulp(StrictMath.log(v))));
        // Go's log2 adds the binary exponent to log(frac), so near 1 its error is absolute, not relative.
        double log2 = InstantMath.log2(v);
        assertThat(log2).isCloseTo(StrictMath.log(v) / StrictMath.log(2), within(4 * Math.ulp(Math.max(1, Math.abs(log2)))));
    }

    @Test
    void inverseHyperbolicFunctions() {
        assertThat(InstantMath.asinh(0)).isEqualTo(0.0);
        assertThat(InstantMath.asinh(1)).isCloseTo(0.881373587019543, within(1e-15));
        assertThat(InstantMath.asinh(-1)).isCloseTo(-0.881373587019543, within(1e-15));
        assertThat(InstantMath.asinh(1e300)).isCloseTo(Math.log(1e300) + Math.log(2), within(1e-12));
        assertThat(InstantMath.asinh(-INF)).isEqualTo(-INF);
        assertThat(InstantMath.acosh(1)).isEqualTo(0.0);
        assertThat(InstantMath.acosh(2)).isCloseTo(1.3169578969248166, within(1e-15));
        assertThat(InstantMath.acosh(10)).isCloseTo(2.993222846126381, within(1e-15));
        assertThat(InstantMath.acosh(0.5)).isNaN();
        assertThat(InstantMath.atanh(0.5)).isCloseTo(0.5493061443340549, within(1e-15));
        assertThat(InstantMath.atanh(-0.1)).isCloseTo(-0.10033534773107558, within(1e-16));
        assertThat(InstantMath.atanh(1)).isEqualTo(INF);
        assertThat(InstantMath.atanh(-1)).isEqualTo(-INF);
        assertThat(InstantMath.atanh(1.5)).isNaN();
    }

    @Test
    void trigonometryAndAngles() {
        assertThat(InstantMath.deg(Math.PI)).isEqualTo(180.0);
        assertThat(InstantMath.rad(180)).isEqualTo(Math.PI);
        assertThat(InstantMath.sin(0)).isEqualTo(0.0);
        assertThat(InstantMath.cos(0)).isEqualTo(1.0);
        assertThat(InstantMath.asin(2)).isNaN();
        assertThat(InstantMath.atan(INF)).isEqualTo(Math.PI / 2);
        assertThat(InstantMath.tanh(INF)).isEqualTo(1.0);
    }

    @Test
    void basics() {
        assertThat(InstantMath.abs(-2)).isEqualTo(2.0);
        assertThat(InstantMath.ceil(1.1)).isEqualTo(2.0);
        assertThat(InstantMath.floor(-1.1)).isEqualTo(-2.0);
        assertThat(InstantMath.sqrt(-1)).isNaN();
        assertThat(InstantMath.exp(0)).isEqualTo(1.0);
        assertThat(InstantMath.exp(INF)).isEqualTo(INF);
    }
}
