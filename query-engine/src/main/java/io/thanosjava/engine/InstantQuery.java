package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

/**
 * A PromQL expression evaluated at one instant ({@code /api/v1/query}).
 *
 * @param expr the PromQL text
 * @param timeMillis evaluation time, epoch milliseconds
 * @param options per-request overrides
 */
public record InstantQuery(String expr, long timeMillis, RequestOptions options) {
    /** Checks the components. */
    public InstantQuery {
        requireNonNull(expr, "expr is null");
        requireNonNull(options, "options is null");
    }

    /** The query with {@link RequestOptions#DEFAULT}. */
    public static InstantQuery of(String expr, long timeMillis) {
        return new InstantQuery(expr, timeMillis, RequestOptions.DEFAULT);
    }

    /** The same query with other options. */
    public InstantQuery withOptions(RequestOptions requestOptions) {
        return new InstantQuery(expr, timeMillis, requestOptions);
    }
}
