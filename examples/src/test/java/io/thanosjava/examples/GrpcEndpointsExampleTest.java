package io.thanosjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.engine.EndpointState;
import io.thanosjava.engine.Querier;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.Value;
import io.thanosjava.model.Labels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The gRPC example's answers: at minute 20 replica b has no samples, so deduplication takes
 * replica a's, and each instance's 1m rate is exactly its requests per second (see
 * {@link EmbeddedQueryExampleTest} for the arithmetic).
 */
class GrpcEndpointsExampleTest {
    @Test
    void querierSeesBothReplicasAndAnswersDeduplicatedRates() throws Exception {
        try (ReplicaStoreServers stores = ReplicaStoreServers.start();
             Querier querier = GrpcEndpointsExample.newQuerier(stores.addresses())) {
            assertThat(querier.endpoints()).extracting(EndpointState::address)
                    .containsExactlyInAnyOrderElementsOf(stores.addresses());
            assertThat(querier.endpoints()).allSatisfy(e -> {
                assertThat(e.healthy()).isTrue();
                assertThat(e.componentType()).isEqualTo("sidecar");
                assertThat(e.minTime()).isEqualTo(ExampleData.START);
                assertThat(e.maxTime()).isEqualTo(ExampleData.END);
            });
            assertThat(querier.endpoints()).flatExtracting(EndpointState::labelSets).containsExactlyInAnyOrder(
                    Labels.of("cluster", "eu", "replica", "a"), Labels.of("cluster", "eu", "replica", "b"));

            QueryResult result = GrpcEndpointsExample.requestRates(querier);
            assertThat(result.warnings()).isEmpty();
            assertThat(result.value()).isInstanceOf(Value.Vector.class);
            Value.Vector rates = (Value.Vector) result.value();
            assertThat(rates.timestamp()).isEqualTo(GrpcEndpointsExample.TIME);
            assertThat(rates.labels()).containsExactly(Labels.of("instance", "api-0"), Labels.of("instance", "api-1"));
            assertThat(rates.values()).containsExactly(1, 2);
        }
    }

    @Test
    void mainPrintsEndpointsAndRates() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GrpcEndpointsExample.run(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualToNormalizingNewlines("""
                endpoints:
                  sidecar [{cluster="eu", replica="a"}] healthy
                  sidecar [{cluster="eu", replica="b"}] healthy
                sum by (instance) (rate(http_requests_total[1m])):
                  {instance="api-0"} @ 2024-01-01T00:20:00Z = 1.0
                  {instance="api-1"} @ 2024-01-01T00:20:00Z = 2.0
                """);
    }
}
