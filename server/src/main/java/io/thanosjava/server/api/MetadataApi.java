package io.thanosjava.server.api;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.server.http.ApiRequest;
import io.thanosjava.server.http.ApiResponse;
import io.thanosjava.server.http.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code /api/v1/series}, {@code /api/v1/labels} and {@code /api/v1/label/<name>/values}. */
public final class MetadataApi {
    private static final String TRUNCATED = "results truncated due to limit";

    private final StoreAccess stores;
    private final QuerySettings settings;

    public MetadataApi(StoreAccess stores, QuerySettings settings) {
        this.stores = requireNonNull(stores, "stores is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public ApiResponse series(ApiRequest r, RequestContext ctx) {
        List<List<LabelMatcher>> sets = RequestOptions.matcherSets(r, "match[]");
        if (sets.isEmpty()) {
            throw ApiError.badData("no match[] parameter provided");
        }
        long start = optionalTime(r, "start", ApiParams.MIN_TIME_MILLIS);
        long end = optionalTime(r, "end", ApiParams.MAX_TIME_MILLIS);
        int limit = limit(r);
        Queryable q = stores.queryable(RequestOptions.storeSelection(r, settings, true));
        Set<Labels> found = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        SelectHints hints = new SelectHints(start, end, 0, 0, "series", List.of(), false, false);
        for (List<LabelMatcher> matchers : sets) {
            try (SeriesSet s = q.select(hints, matchers)) {
                while (s.next()) {
                    found.add(s.at().labels());
                }
                warnings.addAll(s.warnings());
            } catch (RuntimeException e) {
                throw storeFailure(e);
            }
        }
        List<Labels> result = new ArrayList<>(found);
        if (limit > 0 && result.size() > limit) {
            result = result.subList(0, limit);
            warnings.add(TRUNCATED);
        }
        List<Labels> out = result;
        return Envelope.success(g -> {
            g.writeStartArray();
            for (Labels l : out) {
                PromJson.writeLabels(g, l);
            }
            g.writeEndArray();
        }, dedupe(warnings), List.of());
    }

    public ApiResponse labelNames(ApiRequest r, RequestContext ctx) {
        return labels(r, null);
    }

    public ApiResponse labelValues(ApiRequest r, RequestContext ctx) {
        String name = r.pathVariable("name");
        if (name == null || name.isEmpty() || !isValidUtf8(name)) {
            throw ApiError.badData("invalid label name: \"" + name + "\"");
        }
        return labels(r, name);
    }

    private ApiResponse labels(ApiRequest r, String valuesOf) {
        List<List<LabelMatcher>> sets = RequestOptions.matcherSets(r, "match[]");
        long start = optionalTime(r, "start", ApiParams.MIN_TIME_MILLIS);
        long end = optionalTime(r, "end", ApiParams.MAX_TIME_MILLIS);
        int limit = limit(r);
        Queryable q = stores.queryable(RequestOptions.storeSelection(r, settings, false));
        if (sets.isEmpty()) {
            sets = List.of(List.of());
        }
        Set<String> values = new TreeSet<>(Labels::compareUtf8);
        List<String> warnings = new ArrayList<>();
        for (List<LabelMatcher> matchers : sets) {
            LabelQueryResult res;
            try {
                res = valuesOf == null ? q.labelNames(start, end, matchers) : q.labelValues(valuesOf, start, end, matchers);
            } catch (RuntimeException e) {
                throw storeFailure(e);
            }
            values.addAll(res.values());
            warnings.addAll(res.warnings());
        }
        List<String> result = new ArrayList<>(values);
        if (limit > 0 && result.size() > limit) {
            result = result.subList(0, limit);
            warnings.add(TRUNCATED);
        }
        List<String> out = result;
        return Envelope.success(g -> PromJson.writeStringArray(g, out), dedupe(warnings), List.of());
    }

    private static ApiError storeFailure(RuntimeException e) {
        if (e instanceof ApiError a) {
            return a;
        }
        return new ApiError(ApiError.Type.EXECUTION, String.valueOf(e.getMessage()));
    }

    private static long optionalTime(ApiRequest r, String name, long dflt) {
        return ApiParams.parseOptionalTime(name, r.param(name), dflt);
    }

    private static int limit(ApiRequest r) {
        String v = r.param("limit");
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw ApiError.badData("limit must be non-negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badData("cannot parse \"" + v + "\" to a valid limit");
        }
    }

    private static List<String> dedupe(List<String> warnings) {
        return new ArrayList<>(new LinkedHashSet<>(warnings));
    }

    private static boolean isValidUtf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s) && !s.contains("\uFFFD");
    }
}
