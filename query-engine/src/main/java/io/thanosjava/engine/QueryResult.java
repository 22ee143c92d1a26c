package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a query returns: its value, Prometheus' annotations (texts start with {@code PromQL warning: }
 * or {@code PromQL info: }) plus storage warnings, and statistics.
 *
 * @param value the result value
 * @param warnings Prometheus' warning annotations and store warnings (e.g. a failed store under partial response)
 * @param infos Prometheus' info annotations
 * @param stats samples read and evaluation time
 */
public record QueryResult(Value value, List<String> warnings, List<String> infos, QueryStats stats) {
    /** Checks the components and copies the lists. */
    public QueryResult {
        requireNonNull(value, "value is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        infos = List.copyOf(requireNonNull(infos, "infos is null"));
        requireNonNull(stats, "stats is null");
    }
}
