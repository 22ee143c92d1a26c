package io.thanosjava.server.api;

import io.thanosjava.server.http.Router;
import java.util.Set;

/** The Prometheus/Thanos HTTP API route table (mounted below the route prefix). */
public final class ApiRoutes {
    private static final Set<String> GET = Set.of("GET");
    private static final Set<String> GET_POST = Set.of("GET", "POST");

    private ApiRoutes() {
    }

    public static Router build(QueryApi query, MetadataApi metadata, StatusApi status) {
        return new Router()
                .add(GET_POST, "/api/v1/query", query::instant)
                .add(GET_POST, "/api/v1/query_range", query::range)
                .add(GET_POST, "/api/v1/series", metadata::series)
                .add(GET_POST, "/api/v1/labels", metadata::labelNames)
                .add(GET, "/api/v1/label/{name}/values", metadata::labelValues)
                .add(GET, "/api/v1/metadata", status::emptyObject)
                .add(GET_POST, "/api/v1/query_exemplars", status::emptyList)
                .add(GET, "/api/v1/rules", status::rules)
                .add(GET, "/api/v1/alerts", status::alerts)
                .add(GET, "/api/v1/status/buildinfo", status::buildInfo)
                .add(GET, "/api/v1/status/flags", status::flags)
                .add(GET, "/api/v1/stores", status::stores)
                .add(GET_POST, "/api/v1/format_query", status::formatQuery)
                .add(GET_POST, "/api/v1/parse_query", status::parseQuery);
    }
}
