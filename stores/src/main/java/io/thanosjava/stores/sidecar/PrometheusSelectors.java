package io.thanosjava.stores.sidecar;

import io.thanosjava.model.LabelMatcher;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Query parameters of Prometheus' HTTP API: {@code match[]} selectors and {@code start}/{@code end} times. */
final class PrometheusSelectors {
    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: beyond these a bound selects everything and is left out. */
    static final long MIN_BOUND_MILLIS = -62_135_596_800_000L;
    static final long MAX_BOUND_MILLIS = 253_402_300_799_000L;

    private PrometheusSelectors() {}

    /** {@code {a="b",c=~"d"}}: the PromQL selector of the matchers, with Go string escapes. */
    static String selector(List<LabelMatcher> matchers) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < matchers.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            LabelMatcher m = matchers.get(i);
            out.append(m.name()).append(m.type().op()).append('"');
            appendEscaped(out, m.value());
            out.append('"');
        }
        return out.append('}').toString();
    }

    /**
     * {@code ?match[]=...&start=...&end=...} (each part only when needed), URL-encoded. Times are
     * decimal seconds with millisecond precision, which Prometheus parses exactly.
     */
    static String query(List<LabelMatcher> matchers, long startMillis, long endMillis) {
        StringBuilder q = new StringBuilder();
        if (!matchers.isEmpty()) {
            param(q, "match[]", selector(matchers));
        }
        if (startMillis > MIN_BOUND_MILLIS) {
            param(q, "start", seconds(startMillis));
        }
        if (endMillis < MAX_BOUND_MILLIS) {
            param(q, "end", seconds(endMillis));
        }
        return q.toString();
    }

    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static void param(StringBuilder q, String name, String value) {
        q.append(q.length() == 0 ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static void appendEscaped(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
