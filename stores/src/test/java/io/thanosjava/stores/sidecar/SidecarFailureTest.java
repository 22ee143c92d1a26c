package io.thanosjava.stores.sidecar;

import static io.thanosjava.model.LabelMatcher.Type.EQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.prompb.Chunk;
import io.thanosjava.storeapi.proto.prompb.ChunkedReadResponse;
import io.thanosjava.storeapi.proto.prompb.ChunkedSeries;
import io.thanosjava.storeapi.remoteread.ChunkedFrameReader;
import io.thanosjava.storeapi.remoteread.ChunkedFrameWriter;
import io.thanosjava.storeapi.remoteread.RemoteReadQueries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prometheus answering garbage, errors or nothing at all, simulated over real HTTP. */
class SidecarFailureTest {
    private static final String CONFIG = "global:\n  external_labels:\n    cluster: eu-1\n    replica: \"0\"\n";
    private static final List<LabelMatcher> UP = List.of(LabelMatcher.of(EQ, "__name__", "up"));

    private static SidecarOptions options(FakePrometheus fake) {
        return SidecarOptions.defaults(fake.url()).withRequestTimeout(Duration.ofSeconds(2))
                .withStartupTimeout(Duration.ZERO).withProbeInterval(Duration.ofMinutes(1));
    }

    @Test
    void readsExternalLabelsAndLowestTimestamp() throws Exception {
        try (FakePrometheus fake = new FakePrometheus(CONFIG); PrometheusSidecar sidecar = PrometheusSidecar.connect(options(fake))) {
            assertThat(sidecar.externalLabels()).isEqualTo(Labels.of("cluster", "eu-1", "replica", "0"));
            assertThat(sidecar.minTime()).isEqualTo(1_794_960_000_100L);
            assertThat(sidecar.maxTime()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void refusesPrometheusWithoutExternalLabelsUnlessAllowed() throws Exception {
        try (FakePrometheus fake = new FakePrometheus("global:\n  scrape_interval: 1m\n")) {
            assertThatThrownBy(() -> PrometheusSidecar.connect(options(fake)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no external labels")
                    .hasMessageContaining("--prometheus.allow-empty-external-labels");
            try (PrometheusSidecar sidecar = PrometheusSidecar.connect(options(fake).withAllowEmptyExternalLabels(true))) {
                assertThat(sidecar.externalLabels().isEmpty()).isTrue();
            }
        }
    }

    @Test
    void unreachablePrometheusFailsStartupAfterTheTimeout() throws Exception {
        FakePrometheus fake = new FakePrometheus(CONFIG);
        fake.close();
        long start = System.nanoTime();
        assertThatThrownBy(() -> PrometheusSidecar.connect(options(fake).withStartupTimeout(Duration.ofMillis(700))))
                .isInstanceOf(PrometheusException.class)
                .hasMessageContaining(fake.url() + "/api/v1/status/config")
                .hasMessageContaining("unreachable");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(700_000_000L);
    }

    @Test
    void garbageBodyIsABadStreamedResponseAndReadinessDrops() throws Exception {
        try (FakePrometheus fake = new FakePrometheus(CONFIG); PrometheusSidecar sidecar = PrometheusSidecar.connect(options(fake))) {
            fake.on("/api/v1/read", ex -> {
                ex.getResponseHeaders().set("Content-Type", PrometheusClient.STREAMED_CONTENT_TYPE);
                ex.sendResponseHeaders(200, 0);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(new byte[] {5, 1, 2, 3, 4, 9, 9, 9, 9, 9});
                }
            });
            assertThatThrownBy(() -> sidecar.select(UP, 0, 1000))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageContaining("/api/v1/read: bad streamed response");
            assertThat(sidecar.isReady()).isFalse();
            sidecar.probe();
            assertThat(sidecar.isReady()).isTrue();
        }
    }

    @Test
    void errorStatusAndWrongContentTypeAreReportedWithPrometheusText() throws Exception {
        try (FakePrometheus fake = new FakePrometheus(CONFIG); PrometheusSidecar sidecar = PrometheusSidecar.connect(options(fake))) {
            fake.on("/api/v1/read", ex -> FakePrometheus.reply(ex, 400, "remote read: too many samples"));
            assertThatThrownBy(() -> sidecar.select(UP, 0, 1000))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageContaining("status 400: remote read: too many samples");
            fake.on("/api/v1/read", ex -> {
                ex.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                FakePrometheus.reply(ex, 200, "x");
            });
            assertThatThrownBy(() -> sidecar.select(UP, 0, 1000))
                    .hasMessageContaining("unsupported remote-read response type 'application/x-protobuf'");
        }
    }

    @Test
    void emptyBodyIsAnEmptySelection() throws Exception {
        try (FakePrometheus fake = new FakePrometheus(CONFIG); PrometheusSidecar sidecar = PrometheusSidecar.connect(options(fake))) {
            fake.on("/api/v1/read", ex -> {
                ex.getResponseHeaders().set("Content-Type", PrometheusClient.STREAMED_CONTENT_TYPE);
                FakePrometheus.reply(ex, 200, "");
            });
            assertThat(sidecar.select(UP, 0, 1000).size()).isZero();
            assertThat(sidecar.isReady()).isTrue();
        }
    }

    @Test
    void silentPrometheusTimesOutBeforeHeadersAndMidBody() throws Exception {
        try (FakePrometheus fake = new FakePrometheus(CONFIG); PrometheusSidecar sidecar = PrometheusSidecar.connect(options(fake))) {
            fake.on("/api/v1/read", ex -> sleep(8_000));
            long start = System.nanoTime();
            assertThatThrownBy(() -> sidecar.select(UP, 0, 1000))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageContaining("no answer within 2000 ms");
            fake.on("/api/v1/read", ex -> {
                ex.getResponseHeaders().set("Content-Type", PrometheusClient.STREAMED_CONTENT_TYPE);
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().write(new byte[] {20, 0});
                ex.getResponseBody().flush();
                sleep(8_000);
                ex.close();
            });
            assertThatThrownBy(() -> sidecar.select(UP, 0, 1000))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageContaining("body not complete within 2000 ms");
            assertThat(System.nanoTime() - start).isLessThan(7_500_000_000L);
        }
    }

    @Test
    void garbageJsonFromLabelApisIsReported() throws Exception {
        try (FakePrometheus fake = new FakePrometheus(CONFIG); PrometheusSidecar sidecar = PrometheusSidecar.connect(options(fake))) {
            fake.on("/api/v1/labels", ex -> FakePrometheus.reply(ex, 200, "{\"status\":\"success\",\"data\":{}}"));
            assertThatThrownBy(() -> sidecar.labelNames(UP, 0, 1000))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageContaining("/api/v1/labels?match%5B%5D=%7B__name__%3D%22up%22%7D&start=0.000&end=1.000")
                    .hasMessageContaining("answered garbage: \"data\" is not an array");
            fake.on("/api/v1/label/job/values", ex -> FakePrometheus.reply(ex, 200,
                    "{\"status\":\"success\",\"data\":[\"a\",\"b\\u00e9\"]}"));
            assertThat(sidecar.labelValues("job", List.of(), Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly("a", "bé");
        }
    }

    @Test
    void connectionDroppedBetweenFramesIsAnErrorNotAShorterAnswer() throws Exception {
        byte[] frame = frameOf(Labels.of("__name__", "up"));
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                FakePrometheus fake = new FakePrometheus(CONFIG)) {
            // The process dies after a whole frame: the chunked body ends without its last chunk.
            Thread server = new Thread(() -> {
                try (Socket s = raw.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + PrometheusClient.STREAMED_CONTENT_TYPE
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(frame.length) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(frame);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException ignored) {
                    // The test fails on the client side if this side breaks.
                }
            });
            server.start();
            PrometheusClient client = new PrometheusClient(URI.create("http://127.0.0.1:" + raw.getLocalPort()),
                    Duration.ofSeconds(5));
            assertThatThrownBy(() -> {
                try (InputStream body = client.remoteRead(RemoteReadQueries
                        .streamedRequest(List.of(RemoteReadQueries.query(0, 1, UP, null))))) {
                    RemoteReadSelection.read(new ChunkedFrameReader(body), Set.of());
                }
            }).isInstanceOf(IOException.class);
            server.join(5_000);
        }
    }

    private static byte[] frameOf(Labels labels) throws IOException {
        ChunkedSeries.Builder series = ChunkedSeries
                .newBuilder().addAllLabels(LabelsConverter.toProm(labels))
                .addChunks(Chunk.newBuilder().setTypeValue(1).setMinTimeMs(0)
                        .setMaxTimeMs(0).setData(ByteString.copyFrom(new byte[] {0, 1, 0})));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedFrameWriter(out).write(
                ChunkedReadResponse.newBuilder().addChunkedSeries(series).build());
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
