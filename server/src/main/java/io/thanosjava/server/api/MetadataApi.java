package io.thanosjava.server.api;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.LabelsQuery;
import io.thanosjava.engine.LabelsResult;
import io.thanosjava.engine.Querier;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.RequestOptions;
import io.thanosjava.engine.SeriesQuery;
import io.thanosjava.engine.SeriesResult;
import io.thanosjava.model.Labels;
import io.thanosjava.server.http.ApiRequest;
import io.thanosjava.server.http.ApiResponse;
import io.thanosjava.server.http.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** {@code /api/v1/series}, {@code /api/v1/labels} and {@code /api/v1/label/<name>/values}. */
public final class MetadataApi {
    /** What Prometheus answers for an inverted time range (the library refuses one as bad data). */
    private static final SeriesResult NO_SERIES = new SeriesResult(List.of(), List.of());
    private static final LabelsResult NO_LABELS = new LabelsResult(List.of(), List.of());

    private final Querier querier;

    public MetadataApi(Querier querier) {
        this.querier = requireNonNull(querier, "querier is null");
    }

    public ApiResponse series(ApiRequest r, RequestContext ctx) {
        List<String> selectors = RequestParams.selectors(r, "match[]");
        if (selectors.isEmpty()) {
            throw ApiError.badData("no match[] parameter provided");
        }
        long start = optionalTime(r, "start", ApiParams.MIN_TIME_MILLIS);
        long end = optionalTime(r, "end", ApiParams.MAX_TIME_MILLIS);
        int limit = limit(r);
        RequestOptions options = RequestParams.storeOptions(r, RequestOptions.DEFAULT, true);
        SeriesResult result = end < start ? NO_SERIES
                : fetch(() -> querier.series(new SeriesQuery(selectors, start, end, limit, options)));
        return Envelope.success(g -> {
            g.writeStartArray();
            for (Labels l : result.series()) {
                PromJson.writeLabels(g, l);
            }
            g.writeEndArray();
        }, result.warnings(), List.of());
    }

    public ApiResponse labelNames(ApiRequest r, RequestContext ctx) {
        LabelsQuery query = labelsQuery(r);
        return labels(isInverted(query) ? NO_LABELS : fetch(() -> querier.labelNames(query)));
    }

    public ApiResponse labelValues(ApiRequest r, RequestContext ctx) {
        String name = r.pathVariable("name");
        if (name == null || name.isEmpty() || !isValidUtf8(name)) {
            throw ApiError.badData("invalid label name: \"" + name + "\"");
        }
        LabelsQuery query = labelsQuery(r);
        return labels(isInverted(query) ? NO_LABELS : fetch(() -> querier.labelValues(name, query)));
    }

    /** Label requests ask every replica: deduplication does not apply to label names and values (as in Thanos). */
    private static LabelsQuery labelsQuery(ApiRequest r) {
        List<String> selectors = RequestParams.selectors(r, "match[]");
        long start = optionalTime(r, "start", ApiParams.MIN_TIME_MILLIS);
        long end = optionalTime(r, "end", ApiParams.MAX_TIME_MILLIS);
        int limit = limit(r);
        return new LabelsQuery(selectors, start, end, limit, RequestParams.storeOptions(r, RequestOptions.DEFAULT, false));
    }

    private static boolean isInverted(LabelsQuery query) {
        return query.endMillis() < query.startMillis();
    }

    private static ApiResponse labels(LabelsResult result) {
        return Envelope.success(g -> PromJson.writeStringArray(g, result.values()), result.warnings(), List.of());
    }

    /**
     * The querier's answer. Its {@code bad_data} stays one; any other failure (a store failure the
     * partial-response strategy did not turn into a warning) is an execution error.
     */
    private static <T> T fetch(Supplier<T> request) {
        try {
            return request.get();
        } catch (QueryException e) {
            throw new ApiError(e.type() == QueryException.Type.BAD_DATA ? ApiError.Type.BAD_DATA : ApiError.Type.EXECUTION,
                    String.valueOf(e.getMessage()));
        } catch (ApiError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ApiError(ApiError.Type.EXECUTION, String.valueOf(e.getMessage()));
        }
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

    private static boolean isValidUtf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s) && !s.contains("\uFFFD");
    }
}
