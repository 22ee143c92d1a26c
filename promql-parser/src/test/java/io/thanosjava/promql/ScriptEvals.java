package io.thanosjava.promql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The {@code eval} expressions of Prometheus' PromQL test scripts (the shared upstream test data). */
final class ScriptEvals {
    private static final Pattern INSTANT = Pattern.compile("^eval(?:_fail|_warn|_info|_ordered)?\\s+instant\\s+at\\s+\\S+\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("^eval(?:_fail|_warn|_info)?\\s+range\\s+from\\s+\\S+\\s+to\\s+\\S+\\s+step\\s+\\S+\\s+(.+)$", Pattern.CASE_INSENSITIVE);

    /** One eval command: where it is, its expression and whether the script expects the query to fail. */
    record Eval(String file, int line, String expr, boolean expectFail, String failMessage) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + expr;
        }
    }

    private ScriptEvals() {
    }

    static Path sharedDir() {
        String prop = System.getProperty("thanosjava.shared.dir");
        return prop != null ? Path.of(prop) : Path.of("..", "shared");
    }

    static Path testDataDir() {
        return sharedDir().resolve("promql-testdata");
    }

    static List<Eval> read(Path dir) {
        List<Eval> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".test")).sorted().toList()) {
                readFile(f, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void readFile(Path f, List<Eval> out) throws IOException {
        List<String> lines = Files.readAllLines(f);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (!line.toLowerCase(Locale.ROOT).startsWith("eval")) {
                continue;
            }
            Matcher m = INSTANT.matcher(line);
            if (!m.matches()) {
                m = RANGE.matcher(line);
                if (!m.matches()) {
                    throw new IllegalStateException("unrecognised eval line " + f + ":" + (n + 1) + ": " + line);
                }
            }
            boolean fail = line.toLowerCase(Locale.ROOT).startsWith("eval_fail");
            String message = null;
            for (int k = n + 1; k < lines.size(); k++) {
                String body = lines.get(k).trim();
                if (body.isEmpty() || body.startsWith("#")) {
                    break;
                }
                if (body.startsWith("expect fail")) {
                    fail = true;
                    int msg = body.indexOf("msg:");
                    if (msg >= 0) {
                        message = body.substring(msg + 4).trim();
                    }
                }
            }
            out.add(new Eval(f.getFileName().toString(), n + 1, m.group(1).trim(), fail, message));
        }
    }
}
