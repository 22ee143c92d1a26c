package io.thanosjava.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.thanosjava.engine.CancelHandle;
import io.thanosjava.engine.InstantQuery;
import io.thanosjava.engine.Querier;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.RangeQuery;
import io.thanosjava.engine.RequestOptions;
import io.thanosjava.promql.ParseException;
import io.thanosjava.server.http.ApiRequest;
import io.thanosjava.server.http.ApiResponse;
import io.thanosjava.server.http.RequestContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;

/** {@code /api/v1/query} and {@code /api/v1/query_range}. */
public final class QueryApi {
    private static final long MAX_POINTS = 11_000;
    private static final Set<String> ENGINES = Set.of("prometheus", "thanos");

    private final Querier querier;
    private final long defaultStepMillis;
    private final LongSupplier clock;

    /** {@code defaultStepMillis}: {@code --query.default-step}, the smallest step of a range query without one. */
    public QueryApi(Querier querier, long defaultStepMillis, LongSupplier clockMillis) {
        this.querier = requireNonNull(querier, "querier is null");
        this.defaultStepMillis = defaultStepMillis;
        this.clock = requireNonNull(clockMillis, "clockMillis is null");
    }

    public ApiResponse instant(ApiRequest r, RequestContext ctx) {
        long time = ApiParams.parseOptionalTime("time", r.param("time"), clock.getAsLong());
        RequestOptions options = options(r, ctx);
        String query = query(r);
        return respond(r, run(() -> querier.instantQuery(new InstantQuery(query, time, options))));
    }

    public ApiResponse range(ApiRequest r, RequestContext ctx) {
        long start = ApiParams.parseTime("start", r.param("start"));
        long end = ApiParams.parseTime("end", r.param("end"));
        if (end < start) {
            throw ApiError.badData("end timestamp must not be before start time");
        }
        long step = r.param("step") == null || r.param("step").isEmpty()
                ? Math.max((end - start) / 250_000 * 1000, defaultStepMillis)
                : ApiParams.parseDuration("step", r.param("step"));
        if (step <= 0) {
            throw ApiError.badData("zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        if ((end - start) / step > MAX_POINTS) {
            throw ApiError.badData("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        }
        RequestOptions options = options(r, ctx);
        String query = query(r);
        return respond(r, run(() -> querier.rangeQuery(new RangeQuery(query, start, end, step, options))));
    }

    /** The request's evaluation and store parameters; the query is cancelled when the client disconnects. */
    private static RequestOptions options(ApiRequest r, RequestContext ctx) {
        RequestOptions o = RequestOptions.DEFAULT;
        String timeout = r.param("timeout");
        if (timeout != null && !timeout.isEmpty()) {
            long ms = ApiParams.parseDuration("timeout", timeout);
            if (ms > 0) {
                o = o.withTimeout(Duration.ofMillis(ms));
            }
        }
        String lookback = r.param("lookback_delta");
        if (lookback != null && !lookback.isEmpty()) {
            long ms = ApiParams.parseDuration("lookback_delta", lookback);
            if (ms > 0) {
                o = o.withLookbackDelta(ms);
            }
        }
        String engineName = r.param("engine");
        if (engineName != null && !engineName.isEmpty() && !ENGINES.contains(engineName)) {
            throw ApiError.invalidParam("engine", "engine type \"" + engineName + "\" is not supported (prometheus or thanos)");
        }
        String resolution = r.param("max_source_resolution");
        if (resolution != null && !resolution.isEmpty() && !resolution.equals("auto")
                && ApiParams.parseDuration("max_source_resolution", resolution) < 0) {
            throw ApiError.invalidParam("max_source_resolution", "negative duration is not allowed");
        }
        String analyze = r.param("analyze");
        if (analyze != null && !analyze.isEmpty()) {
            ApiParams.parseBool("analyze", analyze);
        }
        CancelHandle cancel = new CancelHandle();
        ctx.onClientGone(cancel::cancel);
        return RequestParams.storeOptions(r, o, true).withCancel(cancel);
    }

    private static String query(ApiRequest r) {
        String query = r.param("query");
        return query == null ? "" : query;
    }

    private interface Evaluation {
        QueryResult run();
    }

    private static QueryResult run(Evaluation evaluation) {
        try {
            return evaluation.run();
        } catch (ParseException e) {
            throw ApiError.invalidParam("query", e.getMessage());
        } catch (QueryException e) {
            throw new ApiError(mapType(e.type()), e.getMessage());
        }
    }

    static ApiError.Type mapType(QueryException.Type t) {
        switch (t) {
            case BAD_DATA: return ApiError.Type.BAD_DATA;
            case TIMEOUT: return ApiError.Type.TIMEOUT;
            case CANCELED: return ApiError.Type.CANCELED;
            case INTERNAL: return ApiError.Type.INTERNAL;
            case UNAVAILABLE: return ApiError.Type.UNAVAILABLE;
            default: return ApiError.Type.EXECUTION;
        }
    }

    private static ApiResponse respond(ApiRequest r, QueryResult result) {
        boolean stats = r.param("stats") != null && !r.param("stats").isEmpty();
        return Envelope.success(g -> {
            g.writeStartObject();
            g.writeStringField("resultType", result.value().resultType());
            g.writeFieldName("result");
            PromJson.writeResult(g, result.value());
            if (stats) {
                writeStats(g, result);
            }
            g.writeEndObject();
        }, result.warnings(), result.infos());
    }

    private static void writeStats(JsonGenerator g, QueryResult result) throws IOException {
        double evalSeconds = result.stats().evalNanos() / 1e9;
        g.writeObjectFieldStart("stats");
        g.writeObjectFieldStart("timings");
        g.writeNumberField("evalTotalTime", evalSeconds);
        g.writeNumberField("resultSortTime", 0);
        g.writeNumberField("queryPreparationTime", 0);
        g.writeNumberField("innerEvalTime", evalSeconds);
        g.writeNumberField("execQueueTime", 0);
        g.writeNumberField("execTotalTime", evalSeconds);
        g.writeEndObject();
        g.writeObjectFieldStart("samples");
        g.writeNumberField("totalQueryableSamples", result.stats().totalQueryableSamples());
        g.writeNumberField("peakSamples", result.stats().peakSamples());
        g.writeEndObject();
        g.writeEndObject();
    }
}
