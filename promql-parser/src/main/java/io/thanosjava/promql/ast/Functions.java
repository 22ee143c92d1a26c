package io.thanosjava.promql.ast;

import static io.thanosjava.promql.ast.ValueType.INSTANT_VECTOR;
import static io.thanosjava.promql.ast.ValueType.RANGE_VECTOR;
import static io.thanosjava.promql.ast.ValueType.SCALAR;
import static io.thanosjava.promql.ast.ValueType.STRING;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The function signature tables: {@link #RELEASE} is the set of Prometheus 3.9.1 (what Thanos
 * runs, 82 functions), {@link #MAIN_BRANCH} that of the Prometheus development branch (3.14, 90
 * functions), where {@code first_over_time} is no longer experimental and eight functions are new.
 */
public final class Functions {
    private static final int V391 = 1;
    private static final int MAIN = 2;
    private static final int BOTH = V391 | MAIN;

    /** Prometheus 3.9.1 functions by name (iteration order unspecified). */
    public static final Map<String, Function> RELEASE;
    /** Prometheus development-branch functions by name. */
    public static final Map<String, Function> MAIN_BRANCH;

    static {
        Map<String, Function> release = new TreeMap<>();
        Map<String, Function> main = new TreeMap<>();
        Builder b = new Builder(release, main);
        for (String name : List.of("abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "sgn", "sin", "cos",
                "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "deg", "rad",
                "absent", "sort", "sort_desc", "timestamp", "histogram_avg", "histogram_count", "histogram_sum",
                "histogram_stddev", "histogram_stdvar")) {
            b.add(BOTH, name, INSTANT_VECTOR, 0, false, INSTANT_VECTOR);
        }
        for (String name : List.of("absent_over_time", "avg_over_time", "changes", "count_over_time", "delta",
                "deriv", "idelta", "increase", "irate", "last_over_time", "max_over_time", "min_over_time",
                "present_over_time", "rate", "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time")) {
            b.add(BOTH, name, INSTANT_VECTOR, 0, false, RANGE_VECTOR);
        }
        for (String name : List.of("mad_over_time", "ts_of_first_over_time", "ts_of_last_over_time",
                "ts_of_max_over_time", "ts_of_min_over_time")) {
            b.add(BOTH, name, INSTANT_VECTOR, 0, true, RANGE_VECTOR);
        }
        b.add(V391, "first_over_time", INSTANT_VECTOR, 0, true, RANGE_VECTOR);
        b.add(MAIN, "first_over_time", INSTANT_VECTOR, 0, false, RANGE_VECTOR);
        for (String name : List.of("day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
                "month", "year")) {
            b.add(BOTH, name, INSTANT_VECTOR, 1, false, INSTANT_VECTOR);
        }
        b.add(BOTH, "clamp", INSTANT_VECTOR, 0, false, INSTANT_VECTOR, SCALAR, SCALAR);
        b.add(BOTH, "clamp_max", INSTANT_VECTOR, 0, false, INSTANT_VECTOR, SCALAR);
        b.add(BOTH, "clamp_min", INSTANT_VECTOR, 0, false, INSTANT_VECTOR, SCALAR);
        b.add(BOTH, "round", INSTANT_VECTOR, 1, false, INSTANT_VECTOR, SCALAR);
        b.add(BOTH, "pi", SCALAR, 0, false);
        b.add(BOTH, "time", SCALAR, 0, false);
        b.add(BOTH, "scalar", SCALAR, 0, false, INSTANT_VECTOR);
        b.add(BOTH, "vector", INSTANT_VECTOR, 0, false, SCALAR);
        b.add(BOTH, "histogram_fraction", INSTANT_VECTOR, 0, false, SCALAR, SCALAR, INSTANT_VECTOR);
        b.add(BOTH, "histogram_quantile", INSTANT_VECTOR, 0, false, SCALAR, INSTANT_VECTOR);
        b.add(BOTH, "double_exponential_smoothing", INSTANT_VECTOR, 0, true, RANGE_VECTOR, SCALAR, SCALAR);
        b.add(BOTH, "info", INSTANT_VECTOR, 1, true, INSTANT_VECTOR, INSTANT_VECTOR);
        b.add(BOTH, "label_replace", INSTANT_VECTOR, 0, false, INSTANT_VECTOR, STRING, STRING, STRING, STRING);
        b.add(BOTH, "label_join", INSTANT_VECTOR, -1, false, INSTANT_VECTOR, STRING, STRING, STRING);
        b.add(BOTH, "predict_linear", INSTANT_VECTOR, 0, false, RANGE_VECTOR, SCALAR);
        b.add(BOTH, "quantile_over_time", INSTANT_VECTOR, 0, false, SCALAR, RANGE_VECTOR);
        b.add(BOTH, "sort_by_label", INSTANT_VECTOR, -1, true, INSTANT_VECTOR, STRING);
        b.add(BOTH, "sort_by_label_desc", INSTANT_VECTOR, -1, true, INSTANT_VECTOR, STRING);
        for (String name : List.of("start", "end", "range", "step")) {
            b.add(MAIN, name, SCALAR, 0, true);
        }
        b.add(MAIN, "min_of", SCALAR, 0, true, SCALAR, SCALAR);
        b.add(MAIN, "max_of", SCALAR, 0, true, SCALAR, SCALAR);
        b.add(MAIN, "histogram_quantiles", INSTANT_VECTOR, 9, true, INSTANT_VECTOR, STRING, SCALAR, SCALAR);
        b.add(MAIN, "start_timestamp", INSTANT_VECTOR, 0, true, INSTANT_VECTOR);
        RELEASE = Map.copyOf(release);
        MAIN_BRANCH = Map.copyOf(main);
    }

    private Functions() {
    }

    /** The table for the release (false) or the development branch (true). */
    public static Map<String, Function> table(boolean mainBranch) {
        return mainBranch ? MAIN_BRANCH : RELEASE;
    }

    /** A function of the 3.9.1 table by name; throws if unknown (for code building ASTs). */
    public static Function get(String name) {
        requireNonNull(name, "name is null");
        Function f = RELEASE.get(name);
        if (f == null) {
            f = MAIN_BRANCH.get(name);
        }
        if (f == null) {
            throw new IllegalArgumentException("unknown function with name \"" + name + "\"");
        }
        return f;
    }

    private record Builder(Map<String, Function> release, Map<String, Function> main) {
        void add(int versions, String name, ValueType returnType, int variadic, boolean experimental, ValueType... args) {
            Function f = new Function(name, List.of(args), variadic, returnType, experimental);
            if ((versions & V391) != 0) {
                release.put(name, f);
            }
            if ((versions & MAIN) != 0) {
                main.put(name, f);
            }
        }
    }
}
