package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.sidecar.PrometheusSidecar;
import io.thanosjava.stores.sidecar.SidecarOptions;
import io.thanosjava.testing.prometheus.OpenMetricsGenerator;
import io.thanosjava.testing.prometheus.PrometheusFixture;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus behind a sidecar dies: the querier reports it as a partial response (warning
 * naming the store) or aborts (error naming it), as the request's {@code partial_response} says,
 * and never answers a silently shortened result.
 */
@Tag("slow")
class DifferentialSidecarKillTest {
    private static final String QUERY = "/api/v1/query_range?query=sum%28gen_temperature_celsius%29"
            + "&start=" + (DifferentialData.START / 1000 + 607) + "&end=" + (DifferentialData.START / 1000 + 3007)
            + "&step=60";
    private static PrometheusFixture prometheus;
    private static PrometheusSidecar backend;
    private static StoreServer sidecar;
    private static RunningQuerier querier;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        String data = OpenMetricsGenerator.builder(7).start(DifferentialData.START).build().generate();
        prometheus = PrometheusFixture.start(data, Map.of("cluster", "kill"));
        backend = PrometheusSidecar.connect(SidecarOptions.defaults(prometheus.baseUrl()));
        sidecar = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), backend, backend.externalLabels(), "sidecar");
        querier = RunningQuerier.start("--endpoint", "127.0.0.1:" + sidecar.port());
    }

    @AfterAll
    static void stop() {
        if (querier != null) {
            querier.close();
        }
        if (sidecar != null) {
            sidecar.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void deadPrometheusIsAWarningOrAnErrorNamingTheStoreNeverAShortResult() throws Exception {
        DifferentialHttp.Answer healthy = DifferentialHttp.get(querier.uri(QUERY));
        assertThat(healthy.status()).as(healthy.body()).isEqualTo(200);
        assertThat(JSON.readTree(healthy.body()).path("data").path("result").path(0).path("values").size()).isEqualTo(41);

        prometheus.kill();
        String store = "127.0.0.1:" + sidecar.port();

        DifferentialHttp.Answer partial = DifferentialHttp.get(querier.uri(QUERY + "&partial_response=true"));
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(partial.body());
        assertThat(body.path("warnings").toString()).as(partial.body()).contains(store);
        assertThat(body.path("data").path("result").size()).as("no data from a dead store").isZero();

        DifferentialHttp.Answer abort = DifferentialHttp.get(querier.uri(QUERY + "&partial_response=false"));
        assertThat(abort.status()).as(abort.body()).isEqualTo(422);
        assertThat(JSON.readTree(abort.body()).path("error").asText()).as(abort.body()).contains(store);
        System.out.println("sidecar kill: partial_response=true -> " + partial + "\nsidecar kill: partial_response=false -> "
                + abort);
    }
}
