package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Which series label names or values are collected from ({@code /api/v1/labels},
 * {@code /api/v1/label/<name>/values}).
 *
 * @param matchers series selectors ({@code match[]}); a series counts when it matches any; empty for all series
 * @param startMillis start of the range, epoch milliseconds
 * @param endMillis end of the range, epoch milliseconds
 * @param limit most values returned (a warning says when there were more); 0 for no limit
 * @param options per-request overrides ({@code dedup} does not apply to labels)
 */
public record LabelsQuery(List<String> matchers, long startMillis, long endMillis, int limit, RequestOptions options) {
    /**
     * @throws IllegalArgumentException for a negative limit
     */
    public LabelsQuery {
        matchers = List.copyOf(requireNonNull(matchers, "matchers is null"));
        requireNonNull(options, "options is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be non-negative");
        }
    }

    /** Every series in the range, no limit, {@link RequestOptions#DEFAULT}. */
    public static LabelsQuery of(long startMillis, long endMillis) {
        return new LabelsQuery(List.of(), startMillis, endMillis, 0, RequestOptions.DEFAULT);
    }

    /** The series matching any of the selectors, no limit, {@link RequestOptions#DEFAULT}. */
    public static LabelsQuery of(List<String> matchers, long startMillis, long endMillis) {
        return new LabelsQuery(matchers, startMillis, endMillis, 0, RequestOptions.DEFAULT);
    }

    /** The same query with other options. */
    public LabelsQuery withOptions(RequestOptions requestOptions) {
        return new LabelsQuery(matchers, startMillis, endMillis, limit, requestOptions);
    }
}
