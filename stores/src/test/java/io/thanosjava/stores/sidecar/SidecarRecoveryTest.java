package io.thanosjava.stores.sidecar;

import static io.thanosjava.model.LabelMatcher.Type.RE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.testing.prometheus.OpenMetricsGenerator;
import io.thanosjava.testing.prometheus.PrometheusFixture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prometheus killed under a running sidecar, then restarted: clear errors, readiness, recovery. */
@Tag("slow")
class SidecarRecoveryTest {
    private static final long START = 1_794_960_000_000L;
    private static final long END = START + 3_600_000L;

    @Test
    void killedPrometheusGivesClearErrorsAndTheSidecarRecoversWhenItReturns() throws Exception {
        OpenMetricsGenerator data = OpenMetricsGenerator.builder(11).start(START).end(END).build();
        try (PrometheusFixture prometheus = PrometheusFixture.start(data.generate(), Map.of("replica", "a"));
                PrometheusSidecar sidecar = PrometheusSidecar.connect(SidecarOptions.defaults(prometheus.baseUrl())
                        .withProbeInterval(Duration.ofMillis(200)).withRequestTimeout(Duration.ofSeconds(5)));
                StoreServer server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), sidecar,
                        sidecar.externalLabels(), "sidecar");
                SidecarTestClient client = new SidecarTestClient(server.port())) {
            var request = SidecarTestClient.request(START, END, LabelMatcher.of(RE, "__name__", "gen_.+")).build();
            List<SidecarTestClient.ReceivedSeries> before = client.series(request);
            assertThat(before).hasSize(data.seriesCount());

            prometheus.kill();
            assertThatThrownBy(() -> client.series(request))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isNotEqualTo(Status.Code.OK);
                        assertThat(e.getStatus().getDescription())
                                .contains("prometheus", prometheus.baseUrl() + "/api/v1/read", "unreachable");
                    });
            assertThat(sidecar.isReady()).isFalse();
            assertThat(sidecar.lastError()).contains(prometheus.baseUrl().toString(), "unreachable");
            assertThatThrownBy(() -> client.store.labelNames(LabelNamesRequest.newBuilder().setStart(START).setEnd(END)
                    .build())).isInstanceOf(StatusRuntimeException.class).hasMessageContaining("/api/v1/labels");

            prometheus.restart();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!sidecar.isReady() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(sidecar.isReady()).as("ready again after the probe saw Prometheus back").isTrue();
            assertThat(SidecarTestClient.keysOf(client.series(request))).isEqualTo(SidecarTestClient.keysOf(before));
        }
    }
}
