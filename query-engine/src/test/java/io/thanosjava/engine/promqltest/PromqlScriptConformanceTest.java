package io.thanosjava.engine.promqltest;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.engine.QueryOptions;
import io.thanosjava.promql.ParserOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs Prometheus' PromQL test scripts (release v3.9.1, the development branch and Thanos'
 * multi-store script) and holds the engine to a checked-in list of evals that do not pass yet:
 * an unlisted failure fails the test, and so does a listed eval that now passes (shrink the list).
 * Regenerate the list with {@code -Dthanosjava.promqltest.rewrite=true}.
 */
class PromqlScriptConformanceTest {
    private static final String KNOWN_FAILURES = "promqltest/known-failures.txt";

    /** The configuration of Prometheus' test engine (experimental features and delayed name removal on). */
    static final QueryOptions SCRIPT_OPTIONS = QueryOptions.DEFAULT.withTimeout(Duration.ofSeconds(100))
            .withExperimentalFunctions(true).withDelayedNameRemoval(true).withDefaultSubqueryStep(60_000);

    private static final ParserOptions RELEASE_SYNTAX = new ParserOptions(true, false, true, true, false,
            ParserOptions.DEFAULT_MAX_DEPTH);

    static Path sharedDir() {
        String prop = System.getProperty("thanosjava.shared.dir");
        return prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
    }

    @Test
    void scriptsPassExceptTheKnownFailures() throws IOException {
        Path root = sharedDir().resolve("promql-testdata");
        Map<String, Path> files = new TreeMap<>();
        collect(root.resolve("v3.9.1"), "v3.9.1/", files);
        collect(root, "main/", files);
        collect(root.resolve("thanos"), "thanos/", files);
        assertThat(files).as("test scripts under " + root).isNotEmpty();

        TreeSet<String> failing = new TreeSet<>();
        Map<String, String> reasons = new TreeMap<>();
        StringBuilder summary = new StringBuilder();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            ParserOptions syntax = f.getKey().startsWith("main/") ? ParserOptions.ALL : RELEASE_SYNTAX;
            List<ScriptRunner.Outcome> outcomes = new ScriptRunner(SCRIPT_OPTIONS, syntax)
                    .run(Files.readAllLines(f.getValue(), StandardCharsets.UTF_8));
            int passed = 0;
            for (ScriptRunner.Outcome o : outcomes) {
                if (o.passed()) {
                    passed++;
                } else {
                    String key = f.getKey() + ":" + o.line();
                    failing.add(key);
                    reasons.put(key, o.detail());
                }
            }
            summary.append(String.format("%-40s %4d / %4d evals pass%n", f.getKey(), passed, outcomes.size()));
        }
        System.out.print(summary);

        if (Boolean.getBoolean("thanosjava.promqltest.rewrite")) {
            rewrite(failing, reasons);
            return;
        }
        TreeSet<String> known = loadKnown();
        List<String> newFailures = new ArrayList<>();
        for (String k : failing) {
            if (!known.contains(k)) {
                newFailures.add(k + "  " + reasons.get(k));
            }
        }
        List<String> nowPassing = new ArrayList<>();
        for (String k : known) {
            if (!failing.contains(k)) {
                nowPassing.add(k);
            }
        }
        assertThat(newFailures).as("evals failing that are not in " + KNOWN_FAILURES).isEmpty();
        assertThat(nowPassing).as("evals now passing: remove them from " + KNOWN_FAILURES).isEmpty();
    }

    private static void collect(Path dir, String prefix, Map<String, Path> out) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".test"))
                    .forEach(p -> out.put(prefix + p.getFileName(), p));
        }
    }

    private static TreeSet<String> loadKnown() throws IOException {
        TreeSet<String> known = new TreeSet<>();
        try (InputStream in = PromqlScriptConformanceTest.class.getClassLoader().getResourceAsStream(KNOWN_FAILURES)) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.trim();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    known.add(l.split("\\s+")[0]);
                }
            }
        }
        return known;
    }

    private static void rewrite(TreeSet<String> failing, Map<String, String> reasons) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Evals of the PromQL test scripts that do not pass yet (file:line, then why).\n");
        sb.append("# This list may only shrink. Regenerate: -Dthanosjava.promqltest.rewrite=true\n");
        for (String k : failing) {
            String why = reasons.get(k).replace('\n', ' ');
            sb.append(k).append("  ").append(why.length() > 160 ? why.substring(0, 160) + "..." : why).append('\n');
        }
        Path target = Path.of("src", "test", "resources", KNOWN_FAILURES);
        Files.createDirectories(target.getParent());
        Files.writeString(target, sb.toString(), StandardCharsets.UTF_8);
    }
}
