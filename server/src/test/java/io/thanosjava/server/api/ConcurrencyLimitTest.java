package io.thanosjava.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.SeriesSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A query beyond the concurrency limit and its (here empty) queue gets a clear 503; the slot frees up again. */
class ConcurrencyLimitTest {
    @Test
    void overTheLimitIs503AndServingResumes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Queryable data = InMemoryQueryable.builder().build();
        Queryable blocking = new Queryable() {
            @Override
            public SeriesSet select(SelectHints hints, List<LabelMatcher> matchers) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return data.select(hints, matchers);
            }

            @Override
            public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> matchers) {
                return data.labelNames(mint, maxt, matchers);
            }

            @Override
            public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> matchers) {
                return data.labelValues(name, mint, maxt, matchers);
            }
        };
        ThreadPoolExecutor oneSlot = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>());
        try (TestApiServer api = new TestApiServer(blocking, 1000, oneSlot)) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> get(api, "/api/v1/query?query=up"));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> rejected = api.get("/api/v1/query?query=up");
            assertThat(rejected.statusCode()).isEqualTo(503);
            assertThat(rejected.body()).contains("\"errorType\":\"unavailable\"").contains("--query.max-concurrent");
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(api.get("/api/v1/query?query=1").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(TestApiServer api, String path) {
        try {
            return api.get(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
