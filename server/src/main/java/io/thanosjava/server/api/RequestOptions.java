package io.thanosjava.server.api;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.promql.ParseException;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.VectorSelector;
import io.thanosjava.server.http.ApiRequest;
import java.util.ArrayList;
import java.util.List;

/** Thanos' per-request store options ({@code dedup}, {@code replicaLabels[]}, {@code partial_response}, {@code storeMatch[]}). */
final class RequestOptions {
    private RequestOptions() {
    }

    static StoreSelection storeSelection(ApiRequest r, QuerySettings settings, boolean dedupAllowed) {
        boolean dedup = dedupAllowed && optionalBool(r, "dedup", true);
        List<String> replicaLabels = r.params("replicaLabels[]").isEmpty() ? settings.replicaLabels() : r.params("replicaLabels[]");
        boolean partial = optionalBool(r, "partial_response", settings.partialResponse());
        return new StoreSelection(dedup, replicaLabels, partial, matcherSets(r, "storeMatch[]"));
    }

    private static boolean optionalBool(ApiRequest r, String name, boolean dflt) {
        String v = r.param(name);
        return v == null || v.isEmpty() ? dflt : ApiParams.parseBool(name, v);
    }

    /** Parses repeated series-selector parameters such as {@code match[]}. */
    static List<List<LabelMatcher>> matcherSets(ApiRequest r, String name) {
        List<List<LabelMatcher>> sets = new ArrayList<>();
        for (String s : r.params(name)) {
            try {
                VectorSelector vs = PromqlParser.parseSeriesSelector(s);
                sets.add(vs.matchers());
            } catch (ParseException e) {
                throw ApiError.badData(e.getMessage());
            }
        }
        return sets;
    }
}
