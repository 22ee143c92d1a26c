package io.thanosjava.promql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated case tables under the test resources. */
final class TableCases {
    /** One row: the options it runs with, the query and the expected text (error or printed form). */
    record Case(ParserOptions options, String optionsCode, String query, String expected) {
        @Override
        public String toString() {
            return optionsCode + " " + query;
        }
    }

    private TableCases() {
    }

    static ParserOptions options(String code) {
        switch (code) {
            case "R": return ParserOptions.DEFAULT;
            case "X": return ScriptEvalsParseTest.RELEASE_SCRIPTS;
            case "A": return ParserOptions.ALL;
            default: throw new IllegalArgumentException("unknown options code " + code);
        }
    }

    static List<Case> read(String resource) {
        try (InputStream in = TableCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<Case> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException("expected 3 tab-separated fields in " + resource + ": " + line);
                }
                String code = f[0];
                String query = f[1];
                if (code.startsWith("~")) {
                    code = code.substring(1);
                    query = unescape(query.substring(1));
                }
                out.add(new Case(options(code), code, query, f[2]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code \n}, {@code \t}, {@code \\} and {@code \\uXXXX}. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '\\' -> sb.append('\\');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + n + " in " + s);
            }
        }
        return sb.toString();
    }
}
