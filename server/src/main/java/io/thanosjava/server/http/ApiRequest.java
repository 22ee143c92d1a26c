package io.thanosjava.server.http;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the API handlers see it: method, path below the route prefix, and the
 * parameters of the URL query and of a form-encoded body merged (body values first, as Go's
 * {@code ParseForm} does).
 */
public record ApiRequest(String method, String path, Map<String, List<String>> params, Map<String, String> headers,
                         Map<String, String> pathVariables) {
    public ApiRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        params = Map.copyOf(requireNonNull(params, "params is null"));
        headers = Map.copyOf(requireNonNull(headers, "headers is null"));
        pathVariables = Map.copyOf(requireNonNull(pathVariables, "pathVariables is null"));
    }

    /** A variable bound by the route pattern, e.g. {@code name} in {@code /api/v1/label/{name}/values}. */
    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    /** The first value of a parameter, or {@code null} when absent (Go's {@code FormValue} gives "" then). */
    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a repeated parameter such as {@code match[]}. */
    public List<String> params(String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values;
    }

    /** A header by lower-case name, or {@code null}. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
