package io.thanosjava.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast paths must give exactly the regex engine's answers. */
class FastRegexMatcherTest {
    private static final String[] PATTERN_PIECES = {
        "a", "b", "ab", "x", "é", "📈", "\n", " ", "-", "/", ".", "*", "+", "?", ".*", ".+", "|", "(", ")", "(?:",
        "\\.", "\\|", "\\\\", "\\*", "\\-", "\\d", "[ab]", "{2}", "^", "$", "(?i)", "(?:)", "\\b",
    };
    private static final String[] SUBJECT_PIECES = {"a", "b", "x", "é", "📈", "\n", ".", "|", "\\", "*", "-", "A", ""};

    @Property(tries = 3000)
    void fastPathsAgreeWithRe2j(@ForAll("patterns") String pattern, @ForAll("subjects") List<String> subjects) {
        FastRegexMatcher fast;
        try {
            fast = FastRegexMatcher.compile(pattern);
        } catch (InvalidMatcherException e) {
            assertThatThrownBy(() -> FastRegexMatcher.compileWithoutFastPaths(pattern))
                    .isInstanceOf(InvalidMatcherException.class);
            return;
        }
        FastRegexMatcher slow = FastRegexMatcher.compileWithoutFastPaths(pattern);
        for (String s : subjects) {
            assertThat(fast.matches(s)).as("%s on %s", pattern, s).isEqualTo(slow.matches(s));
        }
        for (String s : fast.setMatches()) {
            assertThat(slow.matches(s)).as("set member %s of %s", s, pattern).isTrue();
        }
    }

    @Property(tries = 500)
    void anyAndNonEmptyAgreeOnArbitraryStrings(@ForAll String s) {
        for (String pattern : new String[] {".*", ".+", "a.*", ".*a", ".*a.*"}) {
            assertThat(FastRegexMatcher.compile(pattern).matches(s))
                    .isEqualTo(FastRegexMatcher.compileWithoutFastPaths(pattern).matches(s));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ".*; true", ".+; true", "foo; true", "foo|bar|baz; true", "(foo|bar); true", "(?:foo|bar); true",
        "foo.*; true", ".*foo; true", ".*foo.*; true", "foo\\.bar; true", "a\\|b|c; true",
        "fo+; false", "(?i)foo; false", "f.o; false", "foo|b.*; false", "[a-z]+; false", "\\d+; false",
        "(a)|(b); false", ".*.*; false", "foo\\.*; false",
    })
    void recognisesTheIntendedShapes(String pattern, boolean optimised) {
        assertThat(FastRegexMatcher.compile(pattern).isOptimised()).as(pattern).isEqualTo(optimised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "foo|bar|foo; foo,bar", "(?:a|b); a,b", "a\\|b|c; a|b,c", "foo; foo",
    })
    void listsSetMatches(String pattern, String expected) {
        assertThat(FastRegexMatcher.compile(pattern).setMatches()).containsExactly(expected.split(","));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
        "api-[0-9]+; api-", "ab*c; a", "ab+; a", "ab?; a", "ab{2}; a", "a\\.b.c; a.b", "a|b[0-9]; ''",
        "(?i)api; ''", "a(?i)b; ''", "a(?i)*; ''", "a[b]*; a", "a(b)*; a", "ab\\d+; a", "ab$; a", "[a-z]+; ''",
        "\\d+; ''", "x😀*; x", "😀[0-9]; 😀",
    })
    void findsThePrefixEveryMatchStartsWith(String pattern, String prefix) {
        assertThat(FastRegexMatcher.requiredPrefix(pattern)).isEqualTo(prefix);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of(PATTERN_PIECES).list().ofMinSize(0).ofMaxSize(6).map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<List<String>> subjects() {
        Arbitrary<String> built = Arbitraries.of(SUBJECT_PIECES).list().ofMaxSize(6).map(p -> String.join("", p));
        return Arbitraries.oneOf(built, Arbitraries.strings().ofMaxLength(8)).list().ofMinSize(1).ofMaxSize(12);
    }
}
