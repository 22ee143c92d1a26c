package io.thanosjava.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.thanosjava.engine.CancelHandle;
import io.thanosjava.engine.QueryEngine;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.promql.ParseException;
import io.thanosjava.promql.ParserOptions;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
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

    private final QueryEngine engine;
    private final StoreAccess stores;
    private final QuerySettings settings;
    private final LongSupplier clock;

    public QueryApi(QueryEngine engine, StoreAccess stores, QuerySettings settings, LongSupplier clockMillis) {
        this.engine = requireNonNull(engine, "engine is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clockMillis, "clockMillis is null");
    }

    public ApiResponse instant(ApiRequest r, RequestContext ctx) {
        long time = ApiParams.parseOptionalTime("time", r.param("time"), clock.getAsLong());
        QueryOptions options = options(r);
        Expr expr = parse(r.param("query"));
        StoreSelection selection = RequestOptions.storeSelection(r, settings, true);
        Queryable queryable = stores.queryable(selection);
        CancelHandle cancel = cancelOnDisconnect(ctx);
        QueryResult result = run(() -> engine.instantQuery(queryable, expr, time, options, cancel));
        return respond(r, result);
    }

    public ApiResponse range(ApiRequest r, RequestContext ctx) {
        long start = ApiParams.parseTime("start", r.param("start"));
        long end = ApiParams.parseTime("end", r.param("end"));
        if (end < start) {
            throw ApiError.badData("end timestamp must not be before start time");
        }
        long step = r.param("step") == null || r.param("step").isEmpty()
                ? Math.max((end - start) / 250_000 * 1000, settings.defaultStepMillis())
                : ApiParams.parseDuration("step", r.param("step"));
        if (step <= 0) {
            throw ApiError.badData("zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        if ((end - start) / step > MAX_POINTS) {
            throw ApiError.badData("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        }
        QueryOptions options = options(r);
        Expr expr = parse(r.param("query"));
        StoreSelection selection = RequestOptions.storeSelection(r, settings, true);
        Queryable queryable = stores.queryable(selection);
        CancelHandle cancel = cancelOnDisconnect(ctx);
        QueryResult result = run(() -> engine.rangeQuery(queryable, expr, start, end, step, options, cancel));
        return respond(r, result);
    }

    private QueryOptions options(ApiRequest r) {
        QueryOptions o = settings.engineOptions();
        String timeout = r.param("timeout");
        if (timeout != null && !timeout.isEmpty()) {
            long ms = ApiParams.parseDuration("timeout", timeout);
            if (ms > 0 && ms < o.timeout().toMillis()) {
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
        return o;
    }

    private Expr parse(String query) {
        try {
            return PromqlParser.parseExpr(query == null ? "" : query,
                    settings.engineOptions().enableExperimentalFunctions() ? ParserOptions.EXPERIMENTAL : ParserOptions.DEFAULT);
        } catch (ParseException e) {
            throw ApiError.invalidParam("query", e.getMessage());
        }
    }

    private static CancelHandle cancelOnDisconnect(RequestContext ctx) {
        CancelHandle cancel = new CancelHandle();
        ctx.onClientGone(cancel::cancel);
        return cancel;
    }

    private interface Evaluation {
        QueryResult run();
    }

    private static QueryResult run(Evaluation evaluation) {
        try {
            return evaluation.run();
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
