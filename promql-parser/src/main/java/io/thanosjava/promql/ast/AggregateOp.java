package io.thanosjava.promql.ast;

/** The aggregation operators. */
public enum AggregateOp {
    SUM("sum", false, false),
    AVG("avg", false, false),
    COUNT("count", false, false),
    MIN("min", false, false),
    MAX("max", false, false),
    GROUP("group", false, false),
    STDDEV("stddev", false, false),
    STDVAR("stdvar", false, false),
    TOPK("topk", true, false),
    BOTTOMK("bottomk", true, false),
    COUNT_VALUES("count_values", true, false),
    QUANTILE("quantile", true, false),
    LIMITK("limitk", true, true),
    LIMIT_RATIO("limit_ratio", true, true);

    private static final AggregateOp[] ALL = values();

    private final String keyword;
    private final boolean hasParam;
    private final boolean experimental;

    AggregateOp(String keyword, boolean hasParam, boolean experimental) {
        this.keyword = keyword;
        this.hasParam = hasParam;
        this.experimental = experimental;
    }

    /** The lower-case PromQL spelling. */
    public String keyword() {
        return keyword;
    }

    /** Whether the operator takes a parameter before the vector ({@code topk(3, x)}). */
    public boolean hasParam() {
        return hasParam;
    }

    /** Whether the operator needs the experimental-functions switch. */
    public boolean experimental() {
        return experimental;
    }

    /** The operator spelled {@code keyword} in any letter case, or null. */
    public static AggregateOp fromKeyword(String keyword) {
        for (AggregateOp op : ALL) {
            if (op.keyword.equalsIgnoreCase(keyword)) {
                return op;
            }
        }
        return null;
    }
}
