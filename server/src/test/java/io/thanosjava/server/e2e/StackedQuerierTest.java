package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A querier as the endpoint of another querier, over its own StoreAPI (`--grpc-address`), as Thanos allows. */
class StackedQuerierTest {
    private static RunningQuerier leaf;
    private static RunningQuerier top;

    @BeforeAll
    static void start() throws Exception {
        int grpc = RunningQuerier.freePort();
        leaf = RunningQuerier.start("--grpc-address", "127.0.0.1:" + grpc);
        top = RunningQuerier.start("--endpoint", "127.0.0.1:" + grpc, "--query.replica-label", "replica");
    }

    @AfterAll
    static void stop() {
        if (top != null) {
            top.close();
        }
        if (leaf != null) {
            leaf.close();
        }
    }

    @Test
    void theTopQuerierAnswersLikeTheLeaf() throws Exception {
        long t = System.currentTimeMillis() / 1000 - 1800;
        for (String q : new String[] {"sum%20by%20(instance)%20(rate(http_requests_total%5B5m%5D))", "count(up)",
                                      "node_memory_MemAvailable_bytes"}) {
            String path = "/api/v1/query?query=" + q + "&time=" + t;
            assertThat(top.get(path)).as(q).isEqualTo(leaf.get(path)).contains("\"status\":\"success\"");
        }
        String series = "/api/v1/series?match%5B%5D=up&start=" + (t - 600) + "&end=" + t;
        assertThat(top.get(series)).isEqualTo(leaf.get(series));
        assertThat(top.get("/api/v1/label/job/values")).isEqualTo(leaf.get("/api/v1/label/job/values"));
    }

    @Test
    void theLeafShowsUpAsAQueryComponent() throws Exception {
        assertThat(top.get("/api/v1/stores")).contains("\"query\":[{").contains("\"lastError\":null");
    }
}
