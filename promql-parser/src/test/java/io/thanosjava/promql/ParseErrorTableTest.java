package io.thanosjava.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid queries fail with exactly Prometheus' message and position. */
class ParseErrorTableTest {
    static Stream<TableCases.Case> upstreamCases() {
        return TableCases.read("parse-errors.tsv").stream();
    }

    static Stream<TableCases.Case> derivedCases() {
        return TableCases.read("parse-errors-derived.tsv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamCases")
    void upstreamErrorTexts(TableCases.Case c) {
        assertError(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivedCases")
    void derivedErrorTexts(TableCases.Case c) {
        assertError(c);
    }

    @Test
    void numberTooLargeForAFloat() {
        String digits = "9".repeat(309);
        assertThatThrownBy(() -> PromqlParser.parseExpr(digits))
                .isInstanceOf(ParseException.class)
                .hasMessage("1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"" + digits + "\": value out of range");
    }

    @Test
    void everyTypeErrorIsListedInOrder() {
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> PromqlParser.parseExpr("foo and on(bar) group_left(baz) bar"));
        assertThat(e.errors()).extracting(ParseException.Error::message).containsExactly(
                "no grouping allowed for \"and\" operation", "set operations must always be many-to-many");
        ParseException e2 = catchThrowableOfType(ParseException.class, () -> PromqlParser.parseExpr("1 or on(bar) foo"));
        assertThat(e2.errors()).extracting(ParseException.Error::toString).containsExactly(
                "1:1: parse error: vector matching only allowed between instant vectors",
                "1:1: parse error: set operator \"or\" not allowed in binary scalar expression");
    }

    @Test
    void positionsCountBytesAndLines() {
        assertThatThrownBy(() -> PromqlParser.parseExpr("{\"ä\"=\"x\"} +\n  sum(")).hasMessage("2:7: parse error: unclosed left parenthesis");
        assertThatThrownBy(() -> PromqlParser.parseExpr("\"日本\" + foo bar")).hasMessage("1:16: parse error: unexpected identifier \"bar\"");
    }

    @Test
    void tablesAreLargeEnough() {
        List<TableCases.Case> all = Stream.concat(upstreamCases(), derivedCases()).toList();
        assertThat(all).hasSizeGreaterThan(250);
        assertThat(all).allSatisfy(c -> assertThat(c.expected()).containsPattern("^(\\d+:\\d+|unknown position): parse error: "));
    }

    private static void assertError(TableCases.Case c) {
        assertThatThrownBy(() -> PromqlParser.parseExpr(c.query(), c.options()))
                .isInstanceOf(ParseException.class)
                .hasMessage(c.expected());
    }
}
