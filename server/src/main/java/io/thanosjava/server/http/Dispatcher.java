package io.thanosjava.server.http;

import static java.util.Objects.requireNonNull;

import io.thanosjava.server.api.ApiError;
import io.thanosjava.server.api.Envelope;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request below the route prefix and runs its handler on the bounded API executor.
 * Errors become Prometheus error envelopes; only unexpected exceptions are logged.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Router apiRouter;
    private final Router rootRouter;
    private final String routePrefix;
    private final Executor executor;
    private final RequestObserver observer;

    /**
     * @param apiRouter routes mounted below {@code routePrefix} (the API)
     * @param rootRouter routes on the root regardless of prefix (probes, metrics)
     */
    public Dispatcher(Router apiRouter, Router rootRouter, String routePrefix, Executor executor, RequestObserver observer) {
        this.apiRouter = requireNonNull(apiRouter, "apiRouter is null");
        this.rootRouter = requireNonNull(rootRouter, "rootRouter is null");
        this.routePrefix = normalisePrefix(requireNonNull(routePrefix, "routePrefix is null"));
        this.executor = requireNonNull(executor, "executor is null");
        this.observer = requireNonNull(observer, "observer is null");
    }

    private static String normalisePrefix(String p) {
        String s = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return s.isEmpty() || s.startsWith("/") ? s : "/" + s;
    }

    CompletableFuture<ApiResponse> dispatch(RawRequest raw, RequestContext context) {
        Router.Match match = rootRouter.find(raw.method(), raw.path());
        Router router = rootRouter;
        String path = raw.path();
        if (!match.pathKnown() && (routePrefix.isEmpty() || path.startsWith(routePrefix + "/"))) {
            path = path.substring(routePrefix.length());
            router = apiRouter;
            match = apiRouter.find(raw.method(), path);
        }
        long startNanos = System.nanoTime();
        CompletableFuture<ApiResponse> result;
        if (!match.pathKnown()) {
            result = CompletableFuture.completedFuture(notFound(path));
        } else if ("OPTIONS".equals(raw.method())) {
            result = CompletableFuture.completedFuture(new ApiResponse(204, ApiResponse.JSON, java.util.Map.of(), new byte[0]));
        } else if (match.handler() == null) {
            Set<String> allowed = router.allowed(path);
            result = CompletableFuture.completedFuture(Envelope.error(new ApiError(ApiError.Type.METHOD_NOT_ALLOWED,
                    "method " + raw.method() + " not allowed")).withHeader("Allow", String.join(", ", allowed)));
        } else {
            ApiRequest request = new ApiRequest(raw.method(), path, raw.params(), raw.headers(), match.pathVariables());
            Handler handler = match.handler();
            result = run(handler, request, context);
        }
        String routeLabel = match.pathKnown() ? routeName(path, match) : "other";
        if (router == apiRouter) {
            result = result.thenApply(Dispatcher::withCors);
        }
        return result.whenComplete((r, e) -> observer.completed(routeLabel, raw.method(),
                r == null ? 500 : r.status(), System.nanoTime() - startNanos));
    }

    private CompletableFuture<ApiResponse> run(Handler handler, ApiRequest request, RequestContext context) {
        try {
            return CompletableFuture.supplyAsync(() -> invoke(handler, request, context), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Envelope.error(new ApiError(ApiError.Type.UNAVAILABLE,
                    "too many queries waiting: the server is at --query.max-concurrent and its queue is full")));
        }
    }

    private static ApiResponse invoke(Handler handler, ApiRequest request, RequestContext context) {
        try {
            return handler.handle(request, context);
        } catch (ApiError e) {
            return Envelope.error(e);
        } catch (Exception | StackOverflowError e) {
            LOG.error("internal error serving {} {}", request.method(), request.path(), e);
            return Envelope.error(new ApiError(ApiError.Type.INTERNAL, String.valueOf(e.getMessage())));
        }
    }

    /** Prometheus' permissive CORS headers on API responses. */
    private static ApiResponse withCors(ApiResponse r) {
        return r.withHeader("Access-Control-Allow-Origin", "*")
                .withHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .withHeader("Access-Control-Allow-Headers", "Accept, Accept-Encoding, Authorization, Content-Type, Origin")
                .withHeader("Access-Control-Expose-Headers", "Date");
    }

    private static String routeName(String path, Router.Match match) {
        String name = path;
        for (var v : match.pathVariables().entrySet()) {
            name = name.replace("/" + v.getValue() + "/", "/:" + v.getKey() + "/");
        }
        return name;
    }

    private static ApiResponse notFound(String path) {
        return Envelope.error(new ApiError(ApiError.Type.NOT_FOUND, "404 page not found: " + path));
    }

    /** Hook for request metrics. */
    public interface RequestObserver {
        void completed(String handler, String method, int status, long nanos);
    }
}
