package io.thanosjava.server.api;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.EndpointState;
import io.thanosjava.engine.Querier;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ParseException;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.PrettyPrinter;
import io.thanosjava.server.http.ApiRequest;
import io.thanosjava.server.http.ApiResponse;
import io.thanosjava.server.http.RequestContext;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Status and compatibility endpoints: build info, flags, stores, query formatting, and the
 * endpoints Grafana probes that have no data in a querier without rules or exemplars.
 */
public final class StatusApi {
    /** Reported as the Prometheus version so clients enable the features of the PromQL we implement. */
    public static final String PROMETHEUS_COMPATIBLE_VERSION = "3.9.1";

    private final Querier querier;
    private final Map<String, String> flags;
    private final String revision;

    public StatusApi(Querier querier, Map<String, String> flags, String revision) {
        this.querier = requireNonNull(querier, "querier is null");
        this.flags = Map.copyOf(requireNonNull(flags, "flags is null"));
        this.revision = requireNonNull(revision, "revision is null");
    }

    public ApiResponse buildInfo(ApiRequest r, RequestContext ctx) {
        return Envelope.success(g -> {
            g.writeStartObject();
            g.writeStringField("version", PROMETHEUS_COMPATIBLE_VERSION);
            g.writeStringField("revision", revision);
            g.writeStringField("branch", "main");
            g.writeStringField("buildUser", "thanos-java");
            g.writeStringField("buildDate", "");
            g.writeStringField("goVersion", "java" + Runtime.version().feature());
            g.writeEndObject();
        });
    }

    public ApiResponse flags(ApiRequest r, RequestContext ctx) {
        return Envelope.success(g -> {
            g.writeStartObject();
            for (Map.Entry<String, String> e : new TreeMap<>(flags).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        });
    }

    /** {@code /api/v1/stores}: the endpoints that answered Info at least once, grouped by component type. */
    public ApiResponse stores(ApiRequest r, RequestContext ctx) {
        Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
        for (EndpointState e : querier.endpoints()) {
            if (!e.componentType().isEmpty()) {
                byType.computeIfAbsent(e.componentType(), k -> new ArrayList<>()).add(endpointJson(e));
            }
        }
        return Envelope.success(g -> PromJson.writeTree(g, byType));
    }

    private static Map<String, Object> endpointJson(EndpointState e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.address());
        m.put("lastCheck", DateTimeFormatter.ISO_INSTANT.format(e.lastCheck()));
        m.put("lastError", e.lastError().isEmpty() ? null : e.lastError());
        List<Object> labelSets = new ArrayList<>();
        for (Labels l : e.labelSets()) {
            Map<String, Object> labels = new LinkedHashMap<>();
            for (int i = 0; i < l.size(); i++) {
                labels.put(l.name(i), l.value(i));
            }
            labelSets.add(labels);
        }
        m.put("labelSets", labelSets);
        m.put("minTime", e.minTime());
        m.put("maxTime", e.maxTime());
        return m;
    }

    public ApiResponse formatQuery(ApiRequest r, RequestContext ctx) {
        String query = r.param("query");
        try {
            String formatted = PrettyPrinter.format(PromqlParser.parseExpr(query == null ? "" : query));
            return Envelope.success(g -> g.writeString(formatted));
        } catch (ParseException e) {
            throw ApiError.invalidParam("query", e.getMessage());
        }
    }

    public ApiResponse parseQuery(ApiRequest r, RequestContext ctx) {
        String query = r.param("query");
        try {
            Object tree = AstJson.of(PromqlParser.parseExpr(query == null ? "" : query));
            return Envelope.success(g -> PromJson.writeTree(g, tree));
        } catch (ParseException e) {
            throw ApiError.invalidParam("query", e.getMessage());
        }
    }

    public ApiResponse emptyObject(ApiRequest r, RequestContext ctx) {
        return Envelope.success(g -> {
            g.writeStartObject();
            g.writeEndObject();
        });
    }

    public ApiResponse emptyList(ApiRequest r, RequestContext ctx) {
        return Envelope.success(g -> {
            g.writeStartArray();
            g.writeEndArray();
        });
    }

    public ApiResponse rules(ApiRequest r, RequestContext ctx) {
        String type = r.param("type");
        if (type != null && !type.isEmpty() && !type.equalsIgnoreCase("alert") && !type.equalsIgnoreCase("record")) {
            throw ApiError.badData("invalid rule type \"" + type + "\": must be alert or record");
        }
        return Envelope.success(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("groups");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    public ApiResponse alerts(ApiRequest r, RequestContext ctx) {
        return Envelope.success(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("alerts");
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
