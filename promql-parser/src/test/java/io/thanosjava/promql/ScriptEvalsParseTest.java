package io.thanosjava.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.promql.ast.Expr;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code eval} expression of the upstream test scripts parses (and round-trips through the
 * printer). The scripts never test parse errors: their expected failures happen at evaluation, so
 * those must parse too, unless the expected message is itself a parse error.
 */
class ScriptEvalsParseTest {
    /** The 3.9.1 scripts run with every feature switch of that release on. */
    static final ParserOptions RELEASE_SCRIPTS = new ParserOptions(true, false, true, true, false, ParserOptions.DEFAULT_MAX_DEPTH);
    private static final Pattern PARSE_ERROR = Pattern.compile("^\\d+:\\d+: parse error: .*");

    @Test
    void releaseScriptsParse() {
        List<ScriptEvals.Eval> evals = ScriptEvals.read(ScriptEvals.testDataDir().resolve("v3.9.1"));
        assertThat(evals).hasSizeGreaterThan(1000);
        List<String> failures = new ArrayList<>();
        for (ScriptEvals.Eval e : evals) {
            String problem = check(e, RELEASE_SCRIPTS);
            if (problem != null) {
                failures.add(problem);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void mainBranchScriptsParseExceptListedOnes() throws IOException {
        Set<String> known = knownUnsupported();
        List<ScriptEvals.Eval> evals = ScriptEvals.read(ScriptEvals.testDataDir());
        assertThat(evals).hasSizeGreaterThan(1000);
        List<String> failures = new ArrayList<>();
        Set<String> nowPassing = new LinkedHashSet<>(known);
        Set<String> failing = new LinkedHashSet<>();
        for (ScriptEvals.Eval e : evals) {
            String problem = check(e, ParserOptions.ALL);
            if (problem != null) {
                failing.add(e.expr());
                if (!known.contains(e.expr())) {
                    failures.add(problem);
                }
            }
        }
        nowPassing.removeAll(failing);
        assertThat(failures).as("expressions that fail but are not in main-branch-unsupported.txt").isEmpty();
        assertThat(nowPassing).as("now supported: remove these lines from main-branch-unsupported.txt").isEmpty();
    }

    /** Null if the expression behaves as the script needs, else a description of the problem. */
    static String check(ScriptEvals.Eval e, ParserOptions options) {
        boolean expectParseError = e.expectFail() && e.failMessage() != null && PARSE_ERROR.matcher(e.failMessage()).matches();
        try {
            Expr ast = PromqlParser.parseExpr(e.expr(), options);
            if (expectParseError) {
                return e + " parsed but the script expects: " + e.failMessage();
            }
            Expr reparsed = PromqlParser.parseExpr(ast.toString(), options);
            if (!reparsed.equals(ast)) {
                return e + " does not round-trip: printed as " + ast;
            }
            return null;
        } catch (ParseException ex) {
            if (expectParseError && ex.getMessage().equals(e.failMessage())) {
                return null;
            }
            return e + " -> " + ex.getMessage();
        } catch (RuntimeException ex) {
            return e + " -> crashed: " + ex;
        }
    }

    private static Set<String> knownUnsupported() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = ScriptEvalsParseTest.class.getResourceAsStream("main-branch-unsupported.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }
}
