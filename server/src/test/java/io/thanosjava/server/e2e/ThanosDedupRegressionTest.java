package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thanosjava.model.Labels;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thanos' own regression data for replica deduplication (issue 2890), run through the whole
 * system: captured chunks served by a real StoreAPI server over loopback gRPC, the fan-out, penalty
 * dedup, the PromQL engine and the HTTP API, compared with the bodies Thanos' tests expect.
 */
class ThanosDedupRegressionTest {
    private static final String RANGE = "query=cluster_version%7B%7D&start=1598471700&end=1598472600&step=3"
            + "&lookback_delta=15m";

    private static StoreServer store;
    private static RunningQuerier querier;

    @BeforeAll
    static void start() throws Exception {
        CapturedStore captured = CapturedStore.load(dedupData().resolve("issue2890-seriesresponses.json"));
        store = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), captured, Labels.empty(), InfoService.COMPONENT_STORE);
        querier = RunningQuerier.start("--endpoint", "127.0.0.1:" + store.port(), "--query.replica-label", "replica");
    }

    @AfterAll
    static void stop() {
        if (querier != null) {
            querier.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void dedupOffKeepsBothReplicas() throws Exception {
        assertSameMatrix(querier.get("/api/v1/query_range?" + RANGE + "&dedup=false"), "issue2890-expected.json");
    }

    @Test
    void dedupOnLosesNoStepAtTheHandOver() throws Exception {
        assertSameMatrix(querier.get("/api/v1/query_range?" + RANGE), "issue2890-expected-dedup.json");
    }

    private static void assertSameMatrix(String body, String expectedFile) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode actual = json.readTree(body);
        JsonNode expected = json.readTree(dedupData().resolve(expectedFile).toFile());
        assertThat(actual.path("status").asText()).as(body).isEqualTo("success");
        assertThat(actual.path("data").path("resultType")).isEqualTo(expected.path("data").path("resultType"));
        // Prometheus sorts a matrix by labels; the captured expectation lists replica b first.
        assertThat(bySeries(actual)).isEqualTo(bySeries(expected));
        assertThat(actual.path("data").path("result").size()).isEqualTo(expected.path("data").path("result").size());
    }

    private static Map<String, JsonNode> bySeries(JsonNode body) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (JsonNode series : body.path("data").path("result")) {
            m.put(series.path("metric").toString(), series.path("values"));
        }
        return m;
    }

    private static Path dedupData() {
        String shared = System.getProperty("thanosjava.shared.dir");
        return (shared != null ? Path.of(shared) : Path.of("..", "..", "shared")).resolve("golden").resolve("thanos-dedup");
    }
}
