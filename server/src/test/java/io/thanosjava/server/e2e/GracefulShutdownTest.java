package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.server.demo.DemoData;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.SeriesSelection;
import io.thanosjava.stores.StoreBackend;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.memory.InMemoryStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On shutdown the querier stops accepting connections but finishes the queries in flight within the grace period. */
class GracefulShutdownTest {
    @Test
    void inFlightQueryFinishesAfterShutdownBegins() throws Exception {
        long now = System.currentTimeMillis();
        CountDownLatch selecting = new CountDownLatch(1);
        SlowStore slow = new SlowStore(DemoData.replicaA(now), selecting);
        try (StoreServer store = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), slow, Labels.of("replica", "a"),
                InfoService.COMPONENT_STORE)) {
            RunningQuerier querier = RunningQuerier.start("--endpoint", "127.0.0.1:" + store.port(), "--http-grace-period", "60s");
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(querier.uri("/api/v1/query?query=count(up)&time=" + (now / 1000 - 60))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(selecting.await(30, TimeUnit.SECONDS)).isTrue();
            querier.close();
            awaitRefused(querier);
            HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains(",\"3\"]");
        }
    }

    /** New connections are refused once the listener closed (within a few seconds of the signal). */
    private static void awaitRefused(RunningQuerier querier) throws InterruptedException {
        HttpClient fresh = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                fresh.send(HttpRequest.newBuilder(querier.uri("/-/healthy")).build(), HttpResponse.BodyHandlers.discarding());
                Thread.sleep(50);
            } catch (IOException refused) {
                return;
            }
        }
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(querier.uri("/-/healthy")).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
    }

    /** A store whose Series calls take three seconds, so a query is surely in flight. */
    private static final class SlowStore implements StoreBackend {
        private final InMemoryStore data;
        private final CountDownLatch selecting;

        SlowStore(InMemoryStore data, CountDownLatch selecting) {
            this.data = data;
            this.selecting = selecting;
        }

        @Override
        public long minTime() {
            return data.minTime();
        }

        @Override
        public long maxTime() {
            return data.maxTime();
        }

        @Override
        public SeriesSelection select(List<LabelMatcher> matchers, long mint, long maxt) {
            selecting.countDown();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return data.select(matchers, mint, maxt);
        }

        @Override
        public List<String> labelNames(List<LabelMatcher> matchers, long mint, long maxt) {
            return data.labelNames(matchers, mint, maxt);
        }

        @Override
        public List<String> labelValues(String name, List<LabelMatcher> matchers, long mint, long maxt) {
            return data.labelValues(name, matchers, mint, maxt);
        }
    }
}
