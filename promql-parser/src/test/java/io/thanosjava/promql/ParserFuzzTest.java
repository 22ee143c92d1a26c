package io.thanosjava.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.promql.ast.Expr;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs only ever produce a tree or a {@link ParseException}, quickly: no
 * other exception, no StackOverflowError, no hang.
 */
class ParserFuzzTest {
    private static final long MAX_NANOS_PER_INPUT = 2_000_000_000L;
    private static final List<String> SEEDS = ScriptEvals.read(ScriptEvals.testDataDir()).stream()
            .map(ScriptEvals.Eval::expr).distinct().toList();
    private static final List<String> FRAGMENTS = List.of("(", ")", "{", "}", "[", "]", ",", ":", "=", "!=", "=~", "!~",
            "+", "-", "*", "/", "%", "^", "==", "<", ">=", "</", ">/", "@", " ", "\n", "#", "\"", "'", "`", "\\", "1", "0x1f",
            "1e3", "5m", "1h30m", ".5", "Inf", "NaN", "foo", "a:b", "sum", "by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "start()", "end()", "step()", "rate", "topk", "count_values", "and", "or",
            "unless", "atan2", "anchored", "smoothed", "fill", "min", "max", "ä", "\u0000", "\uD800", "日本");

    private static final ParserOptions[] OPTIONS = {ParserOptions.DEFAULT, ScriptEvalsParseTest.RELEASE_SCRIPTS, ParserOptions.ALL};

    @Property(tries = 3000)
    void randomTokenSoupOnlyFailsCleanly(@ForAll("tokenSoup") String query, @ForAll("optionIndex") int options) {
        assertParsesOrFailsCleanly(query, OPTIONS[options]);
    }

    @Property(tries = 3000)
    void mutatedScriptExpressionsOnlyFailCleanly(@ForAll("mutated") String query, @ForAll("optionIndex") int options) {
        assertParsesOrFailsCleanly(query, OPTIONS[options]);
    }

    @Property(tries = 500)
    void arbitraryUnicodeOnlyFailsCleanly(@ForAll String query) {
        assertParsesOrFailsCleanly(query, ParserOptions.ALL);
    }

    @Test
    void deepNestingIsACleanError() {
        for (String deep : List.of("(".repeat(100_000) + "1" + ")".repeat(100_000), "-".repeat(100_000) + "1",
                "sum(".repeat(50_000) + "x" + ")".repeat(50_000), "x" + " + x".repeat(50_000),
                "2" + " ^ 2".repeat(50_000), "abs(".repeat(50_000) + "x" + ")".repeat(50_000),
                "x" + "[1m:]".repeat(20_000), "x[" + "(".repeat(50_000) + "1" + ")".repeat(50_000) + "]")) {
            for (ParserOptions o : OPTIONS) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> PromqlParser.parseExpr(deep, o))
                        .isInstanceOf(ParseException.class)
                        .hasMessageContaining("parse error");
                assertThat(System.nanoTime() - start).isLessThan(MAX_NANOS_PER_INPUT);
            }
        }
    }

    @Test
    void defaultLimitFitsInAOneMebibyteStack() throws InterruptedException {
        int levels = ParserOptions.DEFAULT_MAX_DEPTH - 1;
        String[] deepest = {"sum(".repeat(levels) + "x" + ")".repeat(levels), "(".repeat(levels) + "1" + ")".repeat(levels),
            "x + (".repeat(levels / 2) + "x" + ")".repeat(levels / 2), "topk(1, ".repeat(levels) + "x" + ")".repeat(levels)};
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                for (String q : deepest) {
                    PromqlParser.parseExpr(q, ParserOptions.ALL).toString();
                }
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 1 << 20);
        t.start();
        t.join();
        assertThat(failure[0]).isNull();
    }

    @Test
    void nestingJustBelowTheLimitParses() {
        ParserOptions o = ParserOptions.DEFAULT.withMaxDepth(200);
        String ok = "(".repeat(99) + "1" + ")".repeat(99);
        assertThat(PromqlParser.parseExpr(ok, o).toString()).isEqualTo(ok);
        assertThatThrownBy(() -> PromqlParser.parseExpr("(".repeat(300) + "1" + ")".repeat(300), o))
                .hasMessageContaining("query is nested too deeply (more than 200 levels)");
    }

    private static void assertParsesOrFailsCleanly(String query, ParserOptions options) {
        long start = System.nanoTime();
        try {
            Expr e = PromqlParser.parseExpr(query, options);
            Expr again = PromqlParser.parseExpr(e.toString(), options);
            assertThat(again).as("round trip of %s via %s", query, e).isEqualTo(e);
        } catch (ParseException expected) {
            assertThat(expected.getMessage()).contains("parse error");
        }
        assertThat(System.nanoTime() - start).as("time for %s", query).isLessThan(MAX_NANOS_PER_INPUT);
    }

    @Provide
    Arbitrary<Integer> optionIndex() {
        return Arbitraries.integers().between(0, OPTIONS.length - 1);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 1000);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
        return Combinators.combine(seed, position, kind, fragment).as(ParserFuzzTest::mutate);
    }

    /** Deletes, inserts, replaces or duplicates a piece of a valid expression. */
    private static String mutate(String seed, int position, int kind, String fragment) {
        int p = position % (seed.length() + 1);
        int q = Math.min(seed.length(), p + 1 + position % 7);
        switch (kind) {
            case 0: return seed.substring(0, p) + seed.substring(q);
            case 1: return seed.substring(0, p) + fragment + seed.substring(p);
            case 2: return seed.substring(0, p) + fragment + seed.substring(q);
            default: return seed.substring(0, q) + seed.substring(p);
        }
    }
}
