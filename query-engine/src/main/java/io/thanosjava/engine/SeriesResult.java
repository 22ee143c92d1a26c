package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import java.util.List;

/**
 * The answer of {@link Querier#series}: distinct label sets sorted by {@link Labels#compareTo}.
 *
 * @param series the matching series' labels
 * @param warnings problems met on the way (failed stores under {@link PartialResponse#WARN}, truncation)
 */
public record SeriesResult(List<Labels> series, List<String> warnings) {
    /** Checks the components and copies the lists. */
    public SeriesResult {
        series = List.copyOf(requireNonNull(series, "series is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
