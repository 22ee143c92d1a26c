package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's main command: {@code thanos-java query} with no endpoint serves its demo through the real stack. */
class DemoQuerierTest {
    private static RunningQuerier querier;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        querier = RunningQuerier.start();
    }

    @AfterAll
    static void stop() {
        querier.close();
    }

    @Test
    void storesListTheTwoSidecarsAndTheStoreGateway() throws Exception {
        String body = querier.get("/api/v1/stores");
        assertThat(body).contains("\"sidecar\":[{").contains("\"store\":[{").contains("\"replica\":\"a\"")
                .contains("\"replica\":\"b\"").contains("\"lastError\":null");
    }

    @Test
    void replicasAreDeduplicatedUnlessDedupIsOff() throws Exception {
        assertThat(querier.get("/api/v1/query?query=count(up)")).contains("\"value\":[").contains(",\"3\"]");
        assertThat(querier.get("/api/v1/query?query=count(up)&dedup=false")).contains(",\"6\"]");
    }

    @Test
    void storeMatchRestrictsTheStoresAsked() throws Exception {
        assertThat(querier.get("/api/v1/query?query=count(up)&storeMatch%5B%5D=%7Breplica%3D%22b%22%7D")).contains(",\"3\"]");
        assertThat(querier.get("/api/v1/query?query=count(up)&storeMatch%5B%5D=%7B__address__%3D%22nowhere%3A1%22%7D"))
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    }

    @Test
    void metricsCountRequestsByHandlerAndStoreCalls() throws Exception {
        querier.get("/api/v1/labels");
        String metrics = querier.get("/metrics");
        assertThat(metrics).contains("http_requests_total{code=\"200\",handler=\"/api/v1/labels\",method=\"GET\"}")
                .contains("http_request_duration_seconds_count{handler=\"/api/v1/labels\"}")
                .containsPattern("grpc_client_handled_total\\{endpoint=\"127\\.0\\.0\\.1:[0-9]+\",grpc_code=\"OK\","
                        + "grpc_method=\"LabelNames\",grpc_service=\"thanos\\.Store\",grpc_type=\"unary\"}");
    }

    @Test
    void oversizedBodiesAreRefusedAndTheServerKeepsServing() throws Exception {
        String huge = "query=" + "1".repeat(2 * 1024 * 1024);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(querier.uri("/api/v1/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(querier.get("/api/v1/query?query=1")).startsWith("{\"status\":\"success\"");
    }

    @Test
    void gzipWhenAsked() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(querier.uri("/api/v1/labels"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"status\":\"success\",\"data\":[\"__name__\"");
    }
}
