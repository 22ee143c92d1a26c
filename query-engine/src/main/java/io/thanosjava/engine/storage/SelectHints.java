package io.thanosjava.engine.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the engine will do with the selected series, so that stores can prune or pre-aggregate
 * (Prometheus' {@code storage.SelectHints}).
 *
 * @param start first millisecond whose samples the engine may read (inclusive)
 * @param end last millisecond whose samples the engine may read (inclusive)
 * @param step query resolution in ms; 0 for instant queries
 * @param range range of the enclosing range selector in ms; 0 for instant selectors
 * @param func name of the function the selector feeds, or "" (e.g. {@code rate}, {@code series} for metadata)
 * @param grouping labels of the enclosing aggregation, empty if none
 * @param by true when {@code grouping} lists the kept labels ({@code by}), false for {@code without}
 * @param disableTrimming whether stores must return whole chunks instead of trimming to [start, end]
 */
public record SelectHints(long start, long end, long step, long range, String func, List<String> grouping, boolean by,
                          boolean disableTrimming) {
    /** Checks the components and copies the lists. */
    public SelectHints {
        if (end < start) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        requireNonNull(func, "func is null");
        grouping = List.copyOf(requireNonNull(grouping, "grouping is null"));
    }

    /** Plain time-range hints with no function or grouping. */
    public static SelectHints ofRange(long start, long end) {
        return new SelectHints(start, end, 0, 0, "", List.of(), false, false);
    }
}
