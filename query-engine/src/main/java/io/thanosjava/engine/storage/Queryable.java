package io.thanosjava.engine.storage;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.SeriesSet;
import java.util.List;

/**
 * Where the engine reads series from: the StoreAPI fan-out, an in-process store, or the
 * {@link InMemoryQueryable} of tests. Implementations must be safe for concurrent use.
 */
public interface Queryable {
    /**
     * The series matching every matcher, with samples in {@code [hints.start(), hints.end()]}
     * (more samples are harmless), sorted by {@link io.thanosjava.model.Labels#compareTo}.
     * Failures surface from {@link SeriesSet#next()}; non-fatal problems as its warnings.
     */
    SeriesSet select(SelectHints hints, List<LabelMatcher> matchers);

    /** Sorted, distinct label names of the series matching the matchers in {@code [mint, maxt]}. */
    LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> matchers);

    /** Sorted, distinct values of label {@code name} among the matching series in {@code [mint, maxt]}. */
    LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> matchers);
}
