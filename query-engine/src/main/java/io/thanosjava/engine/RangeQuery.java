package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

/**
 * A PromQL expression evaluated at {@code start, start + step, ... <= end} ({@code /api/v1/query_range}).
 *
 * @param expr the PromQL text; must evaluate to a scalar or an instant vector
 * @param startMillis first evaluation time, epoch milliseconds
 * @param endMillis last possible evaluation time, epoch milliseconds
 * @param stepMillis resolution, milliseconds (positive)
 * @param options per-request overrides
 */
public record RangeQuery(String expr, long startMillis, long endMillis, long stepMillis, RequestOptions options) {
    /** Checks the components. */
    public RangeQuery {
        requireNonNull(expr, "expr is null");
        requireNonNull(options, "options is null");
    }

    /** The query with {@link RequestOptions#DEFAULT}. */
    public static RangeQuery of(String expr, long startMillis, long endMillis, long stepMillis) {
        return new RangeQuery(expr, startMillis, endMillis, stepMillis, RequestOptions.DEFAULT);
    }

    /** The same query with other options. */
    public RangeQuery withOptions(RequestOptions requestOptions) {
        return new RangeQuery(expr, startMillis, endMillis, stepMillis, requestOptions);
    }
}
