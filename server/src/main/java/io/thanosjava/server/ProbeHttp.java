package io.thanosjava.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** {@code /-/healthy}, {@code /-/ready} and {@code /metrics} on the JDK's HTTP server, for the store and sidecar commands. */
final class ProbeHttp {
    private ProbeHttp() {
    }

    /**
     * Mounts the probes and starts the server.
     *
     * @param notReady the 503 body while not ready, {@code null} when ready
     * @param metrics the Prometheus text exposition
     */
    static void start(HttpServer http, Supplier<String> notReady, Supplier<String> metrics) {
        http.createContext("/-/healthy", ex -> reply(ex, 200, "OK"));
        http.createContext("/-/ready", ex -> {
            String why = notReady.get();
            reply(ex, why == null ? 200 : 503, why == null ? "OK" : why);
        });
        http.createContext("/metrics", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            reply(ex, 200, metrics.get());
        });
        http.start();
    }

    /** Appends one gauge in the text exposition format. */
    static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}
