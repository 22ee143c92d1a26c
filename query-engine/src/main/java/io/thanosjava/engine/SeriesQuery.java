package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The series matching any of several selectors in a time range ({@code /api/v1/series}).
 *
 * @param matchers series selectors ({@code match[]}), at least one
 * @param startMillis start of the range, epoch milliseconds
 * @param endMillis end of the range, epoch milliseconds
 * @param limit most series returned (a warning says when more matched); 0 for no limit
 * @param options per-request overrides
 */
public record SeriesQuery(List<String> matchers, long startMillis, long endMillis, int limit, RequestOptions options) {
    /**
     * @throws IllegalArgumentException for a negative limit
     */
    public SeriesQuery {
        matchers = List.copyOf(requireNonNull(matchers, "matchers is null"));
        requireNonNull(options, "options is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be non-negative");
        }
    }

    /** No limit, {@link RequestOptions#DEFAULT}. */
    public static SeriesQuery of(List<String> matchers, long startMillis, long endMillis) {
        return new SeriesQuery(matchers, startMillis, endMillis, 0, RequestOptions.DEFAULT);
    }

    /** The same query with other options. */
    public SeriesQuery withOptions(RequestOptions requestOptions) {
        return new SeriesQuery(matchers, startMillis, endMillis, limit, requestOptions);
    }
}
