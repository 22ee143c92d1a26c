package io.thanosjava.server.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET requests to Prometheus or a querier, keeping status and raw body. */
final class DifferentialHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private DifferentialHttp() {
    }

    static Answer get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    static URI prometheus(URI base, String pathAndQuery) {
        return URI.create(base.toString() + pathAndQuery);
    }
}
