package io.thanosjava.engine.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Sorted distinct label names or values, plus the warnings met while collecting them.
 *
 * @param values names or values, sorted byte-wise
 * @param warnings non-fatal problems, e.g. a store that failed under partial response
 */
public record LabelQueryResult(List<String> values, List<String> warnings) {
    /** Checks the components and copies the lists. */
    public LabelQueryResult {
        values = List.copyOf(requireNonNull(values, "values is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
