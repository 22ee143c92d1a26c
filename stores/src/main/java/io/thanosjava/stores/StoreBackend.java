package io.thanosjava.stores;

import io.thanosjava.model.LabelMatcher;
import java.util.List;

/**
 * The data behind one StoreAPI server: what a store must answer, without any of the StoreAPI's
 * request options. {@link StoreService} adds external labels, {@code without_replica_labels},
 * sharding, limits and framing on top, identically for every backend.
 *
 * <p>Label sets a backend returns are its own, without the store's external labels. Matchers a
 * backend receives never name an external label (the service has already checked those against the
 * external values). Time ranges are inclusive milliseconds. Implementations must be safe for
 * concurrent calls.
 */
public interface StoreBackend {
    /** Earliest sample timestamp the store holds, or {@link Long#MAX_VALUE} when it holds none. */
    long minTime();

    /** Latest sample timestamp the store holds, or {@link Long#MIN_VALUE} when it holds none. */
    long maxTime();

    /**
     * The series matching every matcher (an empty list matches every series) that have at least one
     * chunk overlapping {@code [mint, maxt]}, sorted by label set.
     */
    SeriesSelection select(List<LabelMatcher> matchers, long mint, long maxt);

    /** Names of labels present on a selected series, in any order, possibly with duplicates. */
    List<String> labelNames(List<LabelMatcher> matchers, long mint, long maxt);

    /** Values of label {@code name} on the selected series, in any order, possibly with duplicates. */
    List<String> labelValues(String name, List<LabelMatcher> matchers, long mint, long maxt);
}
