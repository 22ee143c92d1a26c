package io.thanosjava.stores.sidecar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** A scriptable stand-in for Prometheus' HTTP endpoints, for failure modes a real one will not show on demand. */
final class FakePrometheus implements AutoCloseable {
    /** Writes one answer. */
    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ConcurrentHashMap<String, Handler> handlers = new ConcurrentHashMap<>();

    FakePrometheus(String configYaml) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-prometheus");
            t.setDaemon(true);
            return t;
        }));
        on("/api/v1/status/config", ex -> reply(ex, 200, "{\"status\":\"success\",\"data\":{\"yaml\":"
                + json(configYaml) + "}}"));
        on("/metrics", ex -> reply(ex, 200, "# TYPE prometheus_tsdb_lowest_timestamp gauge\n"
                + "prometheus_tsdb_lowest_timestamp 1.7949600001e+12\n"));
        on("/-/ready", ex -> reply(ex, 200, "Prometheus Server is Ready.\n"));
        server.createContext("/", ex -> {
            Handler h = handlers.get(ex.getRequestURI().getPath());
            if (h == null) {
                reply(ex, 404, "404 page not found");
            } else {
                h.handle(ex);
            }
        });
        server.start();
    }

    FakePrometheus on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
