package io.thanosjava.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Root routes: {@code /-/healthy}, {@code /-/ready} and {@code /metrics}. */
public final class Probes {
    private Probes() {
    }

    public static Router build(BooleanSupplier ready, PrometheusMeterRegistry registry) {
        Set<String> get = Set.of("GET", "HEAD");
        return new Router()
                .add(get, "/-/healthy", (r, c) -> ApiResponse.text(200, "OK"))
                .add(get, "/-/ready", (r, c) -> ready.getAsBoolean() ? ApiResponse.text(200, "OK") : ApiResponse.text(503, "NOT OK"))
                .add(get, "/metrics", (r, c) -> new ApiResponse(200, "text/plain; version=0.0.4; charset=utf-8",
                        java.util.Map.of(), registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
