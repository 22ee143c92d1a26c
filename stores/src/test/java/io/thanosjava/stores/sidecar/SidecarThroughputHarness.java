package io.thanosjava.stores.sidecar;

import static io.thanosjava.model.LabelMatcher.Type.RE;
import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.sidecar.SidecarTestClient.ReceivedSeries;
import io.thanosjava.testing.prometheus.OpenMetricsGenerator;
import io.thanosjava.testing.prometheus.PrometheusFixture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pass-through throughput of the sidecar: one Series call over loopback gRPC for a 1 h range of
 * 10,080 series (15 s scrape interval), against a direct remote read of the same selection.
 * Backfilling that much data takes minutes, so the harness runs only on request:
 * {@code -Dtest=SidecarThroughputHarness -Dthanosjava.sidecar.harness=true}. It checks its answer
 * (same series, same chunk bytes as Prometheus sent) before printing figures.
 */
@Tag("slow")
class SidecarThroughputHarness {
    private static final long START = 1_794_960_000_000L;
    private static final long END = START + 3_600_000L;
    private static final int RUNS = 5;

    @Test
    void passThroughThroughput() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("thanosjava.sidecar.harness"),
                "throughput harness runs only with -Dthanosjava.sidecar.harness=true");
        OpenMetricsGenerator data = OpenMetricsGenerator.builder(3).start(START).end(END).jobs(10).instancesPerJob(84)
                .gapProbability(0).build();
        long t0 = System.nanoTime();
        try (PrometheusFixture prometheus = PrometheusFixture.start(data.generate(), Map.of("replica", "a"));
                PrometheusSidecar sidecar = PrometheusSidecar.connect(SidecarOptions.defaults(prometheus.baseUrl()));
                StoreServer server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), sidecar,
                        sidecar.externalLabels(), "sidecar");
                SidecarTestClient client = new SidecarTestClient(server.port())) {
            System.out.printf("setup (generate, backfill, start) %.1f s%n", (System.nanoTime() - t0) / 1e9);
            LabelMatcher all = LabelMatcher.of(RE, "__name__", "gen_.+");
            PrometheusClient direct = new PrometheusClient(prometheus.baseUrl(), Duration.ofMinutes(2));
            List<ReceivedSeries> reference = SidecarTestClient.remoteRead(direct, START, END, all);
            assertThat(reference).hasSize(data.seriesCount());
            long bytes = chunkBytes(reference);
            var request = SidecarTestClient.request(START, END, all).build();
            List<ReceivedSeries> got = client.series(request);
            assertThat(got).hasSize(data.seriesCount());
            assertThat(chunkBytes(got)).isEqualTo(bytes);
            var batched = SidecarTestClient.request(START, END, all).setResponseBatchSize(256).build();
            double bestSidecar = Double.MAX_VALUE;
            double bestBatched = Double.MAX_VALUE;
            double bestSelect = Double.MAX_VALUE;
            double bestDirect = Double.MAX_VALUE;
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                int n = client.series(request).size();
                bestSidecar = Math.min(bestSidecar, (System.nanoTime() - s) / 1e9);
                s = System.nanoTime();
                n += client.series(batched).size();
                bestBatched = Math.min(bestBatched, (System.nanoTime() - s) / 1e9);
                s = System.nanoTime();
                n += sidecar.select(List.of(all), START, END).size();
                bestSelect = Math.min(bestSelect, (System.nanoTime() - s) / 1e9);
                s = System.nanoTime();
                n += SidecarTestClient.remoteRead(direct, START, END, all).size();
                bestDirect = Math.min(bestDirect, (System.nanoTime() - s) / 1e9);
                assertThat(n).isEqualTo(4 * data.seriesCount());
            }
            System.out.printf("%d series, %d chunks, %.2f MB chunk data%n", got.size(), chunks(got), bytes / 1e6);
            System.out.printf("sidecar gRPC Series: best of %d %.3f s = %.0f series/s, %.1f MB/s%n", RUNS, bestSidecar,
                    got.size() / bestSidecar, bytes / 1e6 / bestSidecar);
            System.out.printf("sidecar gRPC Series, batches of 256: best of %d %.3f s = %.0f series/s, %.1f MB/s%n", RUNS,
                    bestBatched, got.size() / bestBatched, bytes / 1e6 / bestBatched);
            System.out.printf("sidecar select() alone (remote read + buffering): best of %d %.3f s = %.0f series/s%n",
                    RUNS, bestSelect, got.size() / bestSelect);
            System.out.printf("direct remote read:  best of %d %.3f s = %.0f series/s, %.1f MB/s%n", RUNS, bestDirect,
                    got.size() / bestDirect, bytes / 1e6 / bestDirect);
        }
    }

    private static long chunkBytes(List<ReceivedSeries> series) {
        long n = 0;
        for (ReceivedSeries s : series) {
            for (Chunk c : s.chunks()) {
                n += c.data().length;
            }
        }
        return n;
    }

    private static long chunks(List<ReceivedSeries> series) {
        long n = 0;
        for (ReceivedSeries s : series) {
            n += s.chunks().size();
        }
        return n;
    }
}
