package io.thanosjava.server.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps paths to handlers by method. Exact paths, plus paths ending in a {@code {name}} segment for
 * {@code /api/v1/label/{name}/values}-style routes. A known path with an unsupported method is a
 * 405, not a 404.
 */
public final class Router {
    /** The result of a lookup: a handler with the path variables, or why there is none. */
    public record Match(Handler handler, Map<String, String> pathVariables, boolean pathKnown) {
    }

    private record Route(String[] segments, Map<String, Handler> byMethod) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(Set<String> methods, String pattern, Handler handler) {
        requireNonNull(handler, "handler is null");
        String[] segments = split(pattern);
        Route route = routes.stream().filter(r -> java.util.Arrays.equals(r.segments, segments)).findFirst().orElse(null);
        if (route == null) {
            route = new Route(segments, new LinkedHashMap<>());
            routes.add(route);
        }
        for (String m : methods) {
            route.byMethod.put(m, handler);
        }
        return this;
    }

    public Match find(String method, String path) {
        String[] segments = split(path);
        for (Route r : routes) {
            Map<String, String> vars = bind(r.segments, segments);
            if (vars != null) {
                Handler h = r.byMethod.get(method);
                return new Match(h, vars, true);
            }
        }
        return new Match(null, Map.of(), false);
    }

    /** Methods allowed on a known path, for the {@code Allow} header of a 405. */
    public Set<String> allowed(String path) {
        String[] segments = split(path);
        for (Route r : routes) {
            if (bind(r.segments, segments) != null) {
                return r.byMethod.keySet();
            }
        }
        return Set.of();
    }

    private static Map<String, String> bind(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> vars = null;
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (vars == null) {
                    vars = new LinkedHashMap<>();
                }
                vars.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return vars == null ? Map.of() : vars;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
