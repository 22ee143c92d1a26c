package io.thanosjava.server.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.thanosjava.engine.Querier;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.server.http.Dispatcher;
import io.thanosjava.server.http.HttpServer;
import io.thanosjava.server.http.Probes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP API on a loopback port over a querier of one in-process {@link Queryable}, with a real HTTP client. */
final class TestApiServer implements AutoCloseable {
    private final Querier querier;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client = HttpClient.newHttpClient();

    TestApiServer(Queryable queryable, long nowMillis) throws InterruptedException {
        this(queryable, nowMillis, Executors.newFixedThreadPool(2));
    }

    /** With the given query executor (e.g. one bounded like {@code --query.max-concurrent}). */
    TestApiServer(Queryable queryable, long nowMillis, ExecutorService executor) throws InterruptedException {
        this.executor = executor;
        querier = Querier.builder().queryable(queryable).build();
        QueryApi query = new QueryApi(querier, 1000, () -> nowMillis);
        Dispatcher dispatcher = new Dispatcher(
                ApiRoutes.build(query, new MetadataApi(querier), new StatusApi(querier, Map.of("query.timeout", "2m"), "test")),
                Probes.build(() -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)), "", executor,
                (h, m, c, n) -> { });
        server = HttpServer.start(new InetSocketAddress("127.0.0.1", 0), dispatcher, 64 * 1024);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String pathAndQuery, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
        querier.close();
    }
}
