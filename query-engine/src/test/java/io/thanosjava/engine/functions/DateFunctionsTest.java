package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DateFunctionsTest {

    /** Cases of the upstream functions.test script. */
    @Test
    void upstreamScriptCases() {
        assertThat(DateFunctions.year(0)).isEqualTo(1970.0);
        assertThat(DateFunctions.year(1136239445)).isEqualTo(2006.0);
        assertThat(DateFunctions.month(0)).isEqualTo(1.0);
        assertThat(DateFunctions.month(1136239445)).isEqualTo(1.0);
        assertThat(DateFunctions.dayOfMonth(1136239445)).isEqualTo(2.0);
        assertThat(DateFunctions.dayOfYear(0)).isEqualTo(1.0);
        assertThat(DateFunctions.dayOfYear(1136239445)).isEqualTo(2.0);
        assertThat(DateFunctions.dayOfWeek(0)).isEqualTo(4.0);
        assertThat(DateFunctions.dayOfWeek(1136239445)).isEqualTo(1.0);
        assertThat(DateFunctions.hour(1136239445)).isEqualTo(22.0);
        assertThat(DateFunctions.minute(1136239445)).isEqualTo(4.0);
        assertThat(DateFunctions.year(1230767999)).isEqualTo(2008.0);
        assertThat(DateFunctions.year(1230768000)).isEqualTo(2009.0);
        assertThat(DateFunctions.month(1456790399) + DateFunctions.dayOfMonth(1456790399) / 100).isEqualTo(2.29);
        assertThat(DateFunctions.dayOfYear(1483191420)).isEqualTo(366.0);
        assertThat(DateFunctions.dayOfYear(1672493820)).isEqualTo(365.0);
        assertThat(DateFunctions.daysInMonth(1454284800)).isEqualTo(29.0);
        assertThat(DateFunctions.daysInMonth(1485907200)).isEqualTo(28.0);
    }

    @Test
    void fractionsTruncateTowardZero() {
        assertThat(DateFunctions.minute(59.9)).isEqualTo(0.0);
        // -0.5 s truncates to 0, i.e. still 1970-01-01T00:00:00.
        assertThat(DateFunctions.year(-0.5)).isEqualTo(1970.0);
        assertThat(DateFunctions.year(-1.5)).isEqualTo(1969.0);
        assertThat(DateFunctions.hour(-1.5)).isEqualTo(23.0);
    }

    @Test
    void nonFiniteInputIsNaN() {
        assertThat(DateFunctions.year(Double.NaN)).isNaN();
        assertThat(DateFunctions.dayOfWeek(Double.POSITIVE_INFINITY)).isNaN();
        assertThat(DateFunctions.daysInMonth(Double.NEGATIVE_INFINITY)).isNaN();
    }

    @Property(tries = 3000)
    void agreesWithJavaTime(@ForAll @LongRange(min = -62_000_000_000L, max = 250_000_000_000L) long seconds) {
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        double v = seconds;
        assertThat(DateFunctions.year(v)).isEqualTo(t.getYear());
        assertThat(DateFunctions.month(v)).isEqualTo(t.getMonthValue());
        assertThat(DateFunctions.dayOfMonth(v)).isEqualTo(t.getDayOfMonth());
        assertThat(DateFunctions.dayOfYear(v)).isEqualTo(t.getDayOfYear());
        assertThat(DateFunctions.dayOfWeek(v)).isEqualTo(t.getDayOfWeek().getValue() % 7);
        assertThat(DateFunctions.daysInMonth(v)).isEqualTo(t.toLocalDate().lengthOfMonth());
        assertThat(DateFunctions.hour(v)).isEqualTo(t.getHour());
        assertThat(DateFunctions.minute(v)).isEqualTo(t.getMinute());
    }
}
