package io.thanosjava.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.model.Labels;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API end to end over loopback: parameters, envelopes, value formatting and errors. */
class HttpApiTest {
    private static TestApiServer api;

    @BeforeAll
    static void start() throws Exception {
        InMemoryQueryable.Builder b = InMemoryQueryable.builder();
        long[] ts = new long[61];
        double[] up = new double[61];
        double[] requests = new double[61];
        for (int i = 0; i <= 60; i++) {
            ts[i] = i * 15_000L;
            up[i] = 1;
            requests[i] = i * 30;
        }
        b.add(Labels.of("__name__", "up", "job", "api", "instance", "a:1"), ts, up);
        b.add(Labels.of("__name__", "up", "job", "node", "instance", "b<&>:2"), ts, up);
        b.add(Labels.of("__name__", "http_requests_total", "job", "api", "instance", "a:1"), ts, requests);
        api = new TestApiServer(b.build(), 900_000);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void grafanaHealthCheckIsAPostOfOnePlusOne() throws Exception {
        HttpResponse<String> r = api.postForm("/api/v1/query", "query=1%2B1&time=4");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[4,\"2\"]}}");
    }

    @Test
    void instantVectorWithGoEscapesAndTimestamps() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/query?query=up&time=600.5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"a:1\",\"job\":\"api\"},\"value\":[600.500,\"1\"]},"
                + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"b\\u003c\\u0026\\u003e:2\",\"job\":\"node\"},\"value\":[600.500,\"1\"]}]}}");
    }

    /** 90 over 45 s extrapolated to 60 s, with Prometheus' factor order ((60/45)/60), is not exactly 2. */
    @Test
    void rangeQueryMatrix() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/query_range?query=rate(http_requests_total%5B1m%5D)&start=60&end=120&step=30");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"instance\":\"a:1\",\"job\":\"api\"},\"values\":[[60,\"1.9999999999999998\"],[90,\"1.9999999999999998\"],[120,\"1.9999999999999998\"]]}]}}");
    }

    @Test
    void postBodyAndUrlParametersAreMerged() throws Exception {
        HttpResponse<String> r = api.postForm("/api/v1/query_range?step=30", "query=up%7Bjob%3D%22api%22%7D&start=0&end=30");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"values\":[[0,\"1\"],[30,\"1\"]]");
    }

    @Test
    void seriesLabelsAndValues() throws Exception {
        assertThat(api.get("/api/v1/series?match%5B%5D=up").body()).isEqualTo("{\"status\":\"success\",\"data\":["
                + "{\"__name__\":\"up\",\"instance\":\"a:1\",\"job\":\"api\"},"
                + "{\"__name__\":\"up\",\"instance\":\"b\\u003c\\u0026\\u003e:2\",\"job\":\"node\"}]}");
        assertThat(api.get("/api/v1/labels").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"__name__\",\"instance\",\"job\"]}");
        assertThat(api.get("/api/v1/label/job/values?match%5B%5D=http_requests_total").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"api\"]}");
        assertThat(api.get("/api/v1/label/job/values?limit=1").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"api\"],\"warnings\":[\"results truncated due to limit\"]}");
    }

    @Test
    void badParametersAreBadData() throws Exception {
        assertError(api.get("/api/v1/query?query=up&time=abc"), 400, "bad_data",
                "invalid parameter \"time\": Invalid time value for 'time': cannot parse \"abc\" to a valid timestamp");
        assertError(api.get("/api/v1/query_range?query=up&start=abc&end=5&step=1"), 400, "bad_data",
                "invalid parameter \"start\": cannot parse \"abc\" to a valid timestamp");
        assertError(api.get("/api/v1/query_range?query=up&start=10&end=5&step=1"), 400, "bad_data",
                "end timestamp must not be before start time");
        assertError(api.get("/api/v1/query_range?query=up&start=0&end=5&step=0"), 400, "bad_data",
                "zero or negative query resolution step widths are not accepted. Try a positive integer");
        assertError(api.get("/api/v1/query_range?query=up&start=0&end=100000&step=1"), 400, "bad_data",
                "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        assertError(api.get("/api/v1/query?query=sum(up"), 400, "bad_data", null);
        assertError(api.get("/api/v1/series"), 400, "bad_data", "no match[] parameter provided");
        assertError(api.get("/api/v1/query?query=up&dedup=maybe"), 400, "bad_data", null);
        assertError(api.get("/api/v1/query?query=up&engine=other"), 400, "bad_data", null);
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        HttpResponse<String> missing = api.get("/api/v1/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("{\"status\":\"error\"");
        HttpResponse<String> wrongMethod = api.send(HttpRequest.newBuilder(api.uri("/api/v1/label/job/values"))
                .DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
    }

    @Test
    void probesAndCompatibilityEndpoints() throws Exception {
        assertThat(api.get("/-/healthy").statusCode()).isEqualTo(200);
        assertThat(api.get("/-/ready").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/status/buildinfo").body()).contains("\"version\":\"3.9.1\"");
        assertThat(api.get("/api/v1/query_exemplars?query=up").body()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
        assertThat(api.get("/api/v1/metadata").body()).isEqualTo("{\"status\":\"success\",\"data\":{}}");
        assertThat(api.get("/api/v1/rules").body()).isEqualTo("{\"status\":\"success\",\"data\":{\"groups\":[]}}");
        assertThat(api.get("/api/v1/status/flags").body()).isEqualTo("{\"status\":\"success\",\"data\":{\"query.timeout\":\"2m\"}}");
    }

    /** Go's encoder escapes {@code >} in the operator too. */
    @Test
    void formatAndParseQuery() throws Exception {
        assertThat(api.get("/api/v1/format_query?query=sum%20by(job)(rate(x%5B5m%5D))").body())
                .isEqualTo("{\"status\":\"success\",\"data\":\"sum by (job) (rate(x[5m]))\"}");
        assertThat(api.get("/api/v1/parse_query?query=-up%7Bjob%3D%22a%22%7D%20offset%205m%20%3E%20bool%201").body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"bool\":true,\"lhs\":{\"expr\":{\"matchers\":["
                        + "{\"name\":\"job\",\"type\":\"=\",\"value\":\"a\"},"
                        + "{\"name\":\"__name__\",\"type\":\"=\",\"value\":\"up\"}],"
                        + "\"name\":\"up\",\"offset\":300000,\"startOrEnd\":null,\"timestamp\":null,"
                        + "\"type\":\"vectorSelector\"},\"op\":\"-\",\"type\":\"unaryExpr\"},"
                        + "\"matching\":null,\"op\":\"\\u003e\",\"rhs\":{\"type\":\"numberLiteral\",\"val\":\"1\"},"
                        + "\"type\":\"binaryExpr\"}}");
        assertError(api.get("/api/v1/parse_query?query=sum("), 400, "bad_data", null);
    }

    private static void assertError(HttpResponse<String> r, int status, String type, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).startsWith("{\"status\":\"error\",\"errorType\":\"" + type + "\",\"error\":");
        if (message != null) {
            assertThat(r.body()).contains("\"error\":\"" + message.replace("\"", "\\\"") + "\"");
        }
    }
}
