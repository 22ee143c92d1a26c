package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --web.route-prefix} mounts the API below the prefix; probes and metrics stay on the root. */
class RoutePrefixTest {
    private static RunningQuerier querier;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        querier = RunningQuerier.start("--web.route-prefix", "/thanos");
    }

    @AfterAll
    static void stop() {
        querier.close();
    }

    @Test
    void apiBelowThePrefixProbesOnTheRoot() throws Exception {
        assertThat(querier.get("/thanos/api/v1/query?query=1%2B1&time=4"))
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[4,\"2\"]}}");
        assertThat(status("/api/v1/query?query=1")).isEqualTo(404);
        assertThat(status("/-/healthy")).isEqualTo(200);
        assertThat(status("/metrics")).isEqualTo(200);
    }

    private int status(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(querier.uri(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
