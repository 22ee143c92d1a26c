package io.thanosjava.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
