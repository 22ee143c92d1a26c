package io.thanosjava.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.LabelMatcher.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prometheus matcher semantics, case by case. */
class LabelMatcherTest {
    private static final Labels SERIES = Labels.of("__name__", "up", "job", "api", "env", "prod\nblue");

    /** Columns: operator, label, matcher value, whether it selects {@link #SERIES}. */
    @ParameterizedTest(name = "{1}{0}\"{2}\" -> {3}")
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
        "=;job;api;true", "=;job;ap;false", "!=;job;api;false", "!=;job;x;true",
        // Fully anchored: a regex must match the whole value.
        "=~;job;a;false", "=~;job;pi;false", "=~;job;ap;false", "=~;job;a.*;true", "=~;job;.*i;true", "=~;job;.*p.*;true",
        "=~;job;api|web;true", "=~;job;web|ap;false", "=~;job;(api);true", "=~;job;API;false", "=~;job;(?i)API;true",
        "!~;job;a;true", "!~;job;api|web;false", "!~;job;.*;false", "!~;job;.+;false",
        // '.' matches a newline; '$' is the end of the text, not of a line.
        "=~;env;prod.blue;true", "=~;env;prod.*;true", "=~;env;.*blue;true", "=~;env;prod;false", "=~;env;prod$;false",
        "=~;env;'prod\nblue';true",
        // A missing label has the value "".
        "=;missing;'';true", "!=;missing;'';false", "=~;missing;'';true", "=~;missing;.*;true", "=~;missing;.+;false",
        "!~;missing;.+;true", "=~;missing;x|;true", "=;job;'';false", "!=;job;'';true", "=~;job;.+;true", "=~;job;'';false",
    })
    void selectsLikePrometheus(String op, String name, String value, boolean expected) {
        LabelMatcher m = LabelMatcher.of(type(op), name, value);
        assertThat(m.matches(SERIES)).isEqualTo(expected);
        assertThat(m.matches(SERIES.getOrEmpty(name))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
        "(foo;missing closing ): `(foo`",
        "foo);unexpected ): `foo)`",
        "a)|(b;unexpected ): `a)|(b`",
        "aa)*b(;unexpected ): `aa)*b(`",
        "a**;invalid nested repetition operator: `**`",
        "[z-a];invalid character class range: `z-a`",
        "x{2,1};invalid repeat count: `{2,1}`",
        "\\8;invalid escape sequence: `\\8`",
        "[abc;missing closing ]: `[abc`",
    })
    void invalidRegexUsesGosMessage(String regex, String message) {
        assertThatThrownBy(() -> LabelMatcher.of(Type.RE, "job", regex))
                .isInstanceOf(InvalidMatcherException.class)
                .hasMessage("error parsing regexp: " + message);
        assertThatThrownBy(() -> LabelMatcher.of(Type.NRE, "job", regex)).isInstanceOf(InvalidMatcherException.class);
        assertThat(LabelMatcher.of(Type.EQ, "job", regex).matches(regex)).isTrue();
    }

    @Test
    void setMatchesForIndexLookups() {
        assertThat(LabelMatcher.of(Type.EQ, "a", "x").setMatches()).containsExactly("x");
        assertThat(LabelMatcher.of(Type.RE, "a", "x|y").setMatches()).containsExactly("x", "y");
        assertThat(LabelMatcher.of(Type.RE, "a", "x.*").setMatches()).isEmpty();
        assertThat(LabelMatcher.of(Type.NRE, "a", "x|y").setMatches()).isEmpty();
        assertThat(LabelMatcher.of(Type.NEQ, "a", "x").setMatches()).isEmpty();
    }

    @Test
    void equalityAndPromQlText() {
        LabelMatcher a = LabelMatcher.of(Type.EQ, "job", "a\"b\\c\nd");
        assertThat(a).isEqualTo(LabelMatcher.of(Type.EQ, "job", "a\"b\\c\nd")).hasSameHashCodeAs(LabelMatcher.of(Type.EQ, "job", "a\"b\\c\nd"));
        assertThat(a).isNotEqualTo(LabelMatcher.of(Type.NEQ, "job", "a\"b\\c\nd"));
        assertThat(a.toString()).isEqualTo("job=\"a\\\"b\\\\c\\nd\"");
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> LabelMatcher.of(null, "a", "b")).hasMessage("type is null");
        assertThatThrownBy(() -> LabelMatcher.of(Type.EQ, null, "b")).hasMessage("name is null");
        assertThatThrownBy(() -> LabelMatcher.of(Type.EQ, "a", null)).hasMessage("value is null");
    }

    private static Type type(String op) {
        for (Type t : Type.values()) {
            if (t.op().equals(op)) {
                return t;
            }
        }
        throw new IllegalArgumentException(op);
    }
}
