package io.thanosjava.promql.ast;

import java.util.Locale;
import java.util.Set;

/** Which names can be written bare in PromQL and which need quoting. */
public final class Names {
    /**
     * Words that are keywords or operators wherever an expression may start; a metric named like
     * one is printed in the quoted form {@code {"sum"}} so that it reads back as a selector.
     */
    private static final Set<String> RESERVED = Set.of("and", "or", "unless", "atan2", "sum", "avg", "count", "min",
            "max", "group", "stddev", "stdvar", "topk", "bottomk", "count_values", "quantile", "limitk", "limit_ratio",
            "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "start", "end", "step",
            "anchored", "smoothed", "inf", "nan", "fill", "fill_left", "fill_right");

    private Names() {
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    public static boolean isLegacyMetricName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    public static boolean isLegacyLabelName(String s) {
        return isLegacyMetricName(s) && s.indexOf(':') < 0;
    }

    /** Whether a metric name can be printed bare before the braces. */
    static boolean isBareMetricName(String s) {
        return isLegacyMetricName(s) && !RESERVED.contains(s.toLowerCase(Locale.ROOT));
    }
}
