package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer of {@link Querier#labelNames} or {@link Querier#labelValues}: distinct strings sorted byte-wise.
 *
 * @param values label names or values
 * @param warnings problems met on the way (failed stores under {@link PartialResponse#WARN}, truncation)
 */
public record LabelsResult(List<String> values, List<String> warnings) {
    /** Checks the components and copies the lists. */
    public LabelsResult {
        values = List.copyOf(requireNonNull(values, "values is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
