package io.thanosjava.server.api;

import io.thanosjava.engine.PartialResponse;
import io.thanosjava.engine.RequestOptions;
import io.thanosjava.promql.ParseException;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.server.http.ApiRequest;
import java.util.List;

/**
 * Thanos' per-request store parameters ({@code dedup}, {@code replicaLabels[]},
 * {@code partial_response}, {@code storeMatch[]}) as the querier's {@link RequestOptions}.
 */
final class RequestParams {
    private RequestParams() {
    }

    /** {@code base} with the store parameters of {@code r}; absent ones keep the querier's defaults. */
    static RequestOptions storeOptions(ApiRequest r, RequestOptions base, boolean dedupAllowed) {
        RequestOptions options = base
                .withDedup(dedupAllowed && optionalBool(r, "dedup", true))
                .withReplicaLabels(r.params("replicaLabels[]"));
        String partial = r.param("partial_response");
        if (partial != null && !partial.isEmpty()) {
            options = options.withPartialResponse(
                    ApiParams.parseBool("partial_response", partial) ? PartialResponse.WARN : PartialResponse.ABORT);
        }
        return options.withStoreMatchers(selectors(r, "storeMatch[]"));
    }

    private static boolean optionalBool(ApiRequest r, String name, boolean dflt) {
        String v = r.param(name);
        return v == null || v.isEmpty() ? dflt : ApiParams.parseBool(name, v);
    }

    /**
     * A repeated series-selector parameter such as {@code match[]}, checked here so that a bad one
     * answers Thanos' bare parse error rather than being mistaken for an error in the query.
     */
    static List<String> selectors(ApiRequest r, String name) {
        List<String> selectors = r.params(name);
        for (String s : selectors) {
            try {
                PromqlParser.parseSeriesSelector(s);
            } catch (ParseException e) {
                throw ApiError.badData(e.getMessage());
            }
        }
        return selectors;
    }
}
