package io.thanosjava.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.promql.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade end to end over in-process queryables: queries, metadata, request options, async calls, close. */
class QuerierInProcessTest {
    private static final long STEP = 15_000;
    private static final int SAMPLES = 240;
    private static final long END = (SAMPLES - 1) * STEP;
    /** Replica "a" misses [10m, 20m), replica "b" misses [40m, 50m). */
    private static final long[][] GAPS = {{10 * 60_000, 20 * 60_000}, {40 * 60_000, 50 * 60_000}};

    private Querier querier;

    @AfterEach
    void close() {
        if (querier != null) {
            querier.close();
        }
    }

    private static double value(int sample) {
        return sample * 2.0;
    }

    /** One replica of counter {@code http_requests_total{job="api"}} and of {@code up{job="api"}}. */
    static InMemoryQueryable replica(int r) {
        String name = r == 0 ? "a" : "b";
        long[] t = new long[SAMPLES];
        double[] v = new double[SAMPLES];
        int n = 0;
        for (int s = 0; s < SAMPLES; s++) {
            long ts = s * STEP;
            if (ts >= GAPS[r][0] && ts < GAPS[r][1]) {
                continue;
            }
            t[n] = ts;
            v[n++] = value(s);
        }
        long[] ups = {0, END};
        return InMemoryQueryable.builder()
                .add(Labels.of("__name__", "http_requests_total", "job", "api", "replica", name),
                        java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(v, n))
                .add(Labels.of("__name__", "up", "job", "api", "replica", name, "zone", "z" + r), ups, new double[] {1, 1})
                .build();
    }

    private Querier twoReplicas() {
        querier = Querier.builder().queryable(replica(0)).queryable(replica(1)).replicaLabels(List.of("replica")).build();
        return querier;
    }

    @Test
    void replicasOfInProcessStoresAreDeduplicatedIntoOneCompleteSeries() {
        querier = Querier.builder().queryable(replica(0)).queryable(replica(1)).replicaLabels(List.of("replica"))
                .dedupFunction(DedupFunction.CHAIN).build();
        QueryResult r = querier.rangeQuery("http_requests_total", 0, END, STEP);
        Value.Matrix m = (Value.Matrix) r.value();
        assertThat(m.size()).isEqualTo(1);
        Value.Series s = m.series(0);
        assertThat(s.labels()).isEqualTo(Labels.of("__name__", "http_requests_total", "job", "api"));
        assertThat(s.size()).isEqualTo(SAMPLES);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.timestamp(i)).isEqualTo(i * STEP);
            assertThat(s.value(i)).isEqualTo(value(i));
        }
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void penaltyDedupFillsEachReplicasGapFromTheOther() {
        Value.Matrix m = (Value.Matrix) twoReplicas().rangeQuery("http_requests_total", 0, END, STEP).value();
        assertThat(m.size()).isEqualTo(1);
        Value.Series s = m.series(0);
        assertThat(s.size()).as("no step without a sample in lookback").isEqualTo(SAMPLES);
        for (int i = 0; i < s.size(); i++) {
            // Penalty dedup may hold on to one replica a scrape longer at a switch: never a value from the future.
            assertThat(s.value(i)).isBetween(value(i) - 2 * value(1), value(i));
        }
    }

    @Test
    void withoutDedupEveryReplicaIsItsOwnSeries() {
        QueryResult r = twoReplicas().instantQuery(new InstantQuery("http_requests_total", END,
                RequestOptions.DEFAULT.withDedup(false)));
        Value.Vector v = (Value.Vector) r.value();
        assertThat(v.size()).isEqualTo(2);
        assertThat(Set.of(v.label(0).get("replica"), v.label(1).get("replica"))).containsExactlyInAnyOrder("a", "b");
        assertThat(v.value(0)).isEqualTo(value(SAMPLES - 1));
    }

    @Test
    void requestReplicaLabelsReplaceTheDefault() {
        QueryResult r = twoReplicas().instantQuery(new InstantQuery("up", END,
                RequestOptions.DEFAULT.withReplicaLabels(List.of("replica", "zone"))));
        Value.Vector v = (Value.Vector) r.value();
        assertThat(v.size()).isEqualTo(1);
        assertThat(v.label(0)).isEqualTo(Labels.of("__name__", "up", "job", "api"));
    }

    @Test
    void rateOverDeduplicatedCounterIsTheSlopeAcrossTheGaps() {
        // 2 per 15s scrape = 2/15 per second, in both replicas' gaps too.
        QueryResult r = twoReplicas().instantQuery("rate(http_requests_total[5m])", 15 * 60_000);
        Value.Vector v = (Value.Vector) r.value();
        assertThat(v.size()).isEqualTo(1);
        assertThat(v.value(0)).isCloseTo(2.0 / 15, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void seriesAndLabelsAreMergedAcrossStoresAndCutToTheLimit() {
        Querier q = twoReplicas();
        SeriesResult series = q.series(SeriesQuery.of(List.of("{job=\"api\"}"), 0, END));
        assertThat(series.series()).containsExactly(Labels.of("__name__", "http_requests_total", "job", "api"),
                Labels.of("__name__", "up", "job", "api", "zone", "z0"), Labels.of("__name__", "up", "job", "api", "zone", "z1"));
        SeriesResult limited = q.series(new SeriesQuery(List.of("up", "http_requests_total"), 0, END, 1,
                RequestOptions.DEFAULT));
        assertThat(limited.series()).hasSize(1);
        assertThat(limited.warnings()).containsExactly("results truncated due to limit");

        assertThat(q.labelNames(LabelsQuery.of(0, END)).values()).containsExactly("__name__", "job", "replica", "zone");
        assertThat(q.labelValues("replica", LabelsQuery.of(List.of("up"), 0, END)).values()).containsExactly("a", "b");
        LabelsResult cut = q.labelValues("zone", new LabelsQuery(List.of(), 0, END, 1, RequestOptions.DEFAULT));
        assertThat(cut.values()).containsExactly("z0");
        assertThat(cut.warnings()).containsExactly("results truncated due to limit");
    }

    @Test
    void inProcessDataIsServedToAStackedQuerierOverTheStoreApi() throws Exception {
        Querier leaf = twoReplicas();
        StoreApiServer server = leaf.serveStoreApi(new java.net.InetSocketAddress("127.0.0.1", 0));
        try (Querier top = Querier.builder().endpoints(List.of("127.0.0.1:" + server.port()))
                .replicaLabels(List.of("replica")).build()) {
            assertThat(top.endpoints()).singleElement().satisfies(e -> {
                assertThat(e.componentType()).isEqualTo("query");
                assertThat(e.minTime()).isEqualTo(Long.MIN_VALUE);
                assertThat(e.maxTime()).isEqualTo(Long.MAX_VALUE);
            });
            for (String expr : new String[] {"http_requests_total", "sum by (zone) (up)", "rate(http_requests_total[5m])"}) {
                assertThat(top.rangeQuery(expr, 0, END, 60_000).value()).as(expr)
                        .usingRecursiveComparison().isEqualTo(leaf.rangeQuery(expr, 0, END, 60_000).value());
            }
            assertThat(top.series(SeriesQuery.of(List.of("up"), 0, END)))
                    .isEqualTo(leaf.series(SeriesQuery.of(List.of("up"), 0, END)));
            assertThat(top.labelValues("zone", LabelsQuery.of(0, END)))
                    .isEqualTo(leaf.labelValues("zone", LabelsQuery.of(0, END)));
        }
        server.close();
    }

    @Test
    void badInputFailsWithPrometheusErrors() {
        Querier q = twoReplicas();
        assertThatThrownBy(() -> q.instantQuery("sum(", 0)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> q.series(SeriesQuery.of(List.of("up{"), 0, END))).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> q.series(SeriesQuery.of(List.of(), 0, END)))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.BAD_DATA))
                .hasMessage("no match[] parameter provided");
        assertThatThrownBy(() -> q.labelValues("", LabelsQuery.of(0, END)))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.BAD_DATA))
                .hasMessage("invalid label name: \"\"");
        assertThatThrownBy(() -> q.labelNames(LabelsQuery.of(END, 0)))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.BAD_DATA));
        assertThatThrownBy(() -> q.rangeQuery("up", 0, END, 0))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.BAD_DATA));
    }

    @Test
    void storeMatchersLeaveInProcessStoresOut() {
        Querier q = twoReplicas();
        RequestOptions byAddress = RequestOptions.DEFAULT.withStoreMatchers(List.of("{__address__=~\".+\"}"));
        assertThat(((Value.Vector) q.instantQuery(new InstantQuery("up", END, byAddress)).value()).size()).isZero();
        assertThat(q.labelNames(LabelsQuery.of(0, END).withOptions(byAddress)).values()).isEmpty();
        assertThat(((Value.Vector) q.instantQuery("up", END).value()).size()).isEqualTo(2);
    }

    @Test
    void requestOptionsOverrideLookbackAndLowerTheTimeout() {
        querier = Querier.builder().queryable(replica(0)).queryTimeout(Duration.ofMinutes(1)).build();
        long later = END + 10 * 60_000;
        assertThat(((Value.Vector) querier.instantQuery("up", later).value()).size()).isZero();
        QueryResult longLookback = querier.instantQuery(new InstantQuery("up", later,
                RequestOptions.DEFAULT.withLookbackDelta(15 * 60_000)));
        assertThat(((Value.Vector) longLookback.value()).size()).isEqualTo(1);
        assertThat(querier.engineOptions().timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(querier.engineOptions().lookbackDeltaMillis()).isEqualTo(5 * 60_000);
    }

    @Test
    void asyncVariantsAnswerLikeTheSynchronousOnes() throws Exception {
        ExecutorService mine = Executors.newSingleThreadExecutor();
        try {
            querier = Querier.builder().queryable(replica(0)).queryable(replica(1)).replicaLabels(List.of("replica"))
                    .executor(mine).build();
            assertThat(querier.instantQueryAsync(InstantQuery.of("up", END)).get(10, TimeUnit.SECONDS))
                    .usingRecursiveComparison().ignoringFields("stats").isEqualTo(querier.instantQuery("up", END));
            Value.Matrix async = (Value.Matrix) querier.rangeQueryAsync(RangeQuery.of("up", 0, END, 60_000))
                    .get(10, TimeUnit.SECONDS).value();
            assertThat(async.series(0).labels()).isEqualTo(Labels.of("__name__", "up", "job", "api", "zone", "z0"));
            assertThat(querier.seriesAsync(SeriesQuery.of(List.of("up"), 0, END)).get(10, TimeUnit.SECONDS))
                    .isEqualTo(querier.series(SeriesQuery.of(List.of("up"), 0, END)));
            assertThat(querier.labelNamesAsync(LabelsQuery.of(0, END)).get(10, TimeUnit.SECONDS).values()).contains("zone");
            assertThat(querier.labelValuesAsync("job", LabelsQuery.of(0, END)).get(10, TimeUnit.SECONDS).values())
                    .containsExactly("api");
            querier.close();
            assertThat(mine.isShutdown()).as("a caller's executor is not shut down").isFalse();
        } finally {
            mine.shutdownNow();
        }
    }

    @Test
    void asyncFailuresCompleteTheFutureExceptionally() {
        twoReplicas();
        assertThat(querier.instantQueryAsync(InstantQuery.of("sum(", 0)))
                .failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ParseException.class);
    }

    @Test
    void cancellingTheFutureStopsAQueryBlockedInStorage() throws Exception {
        Blocking store = new Blocking();
        querier = Querier.builder().queryable(store).build();
        var future = querier.instantQueryAsync(InstantQuery.of("up", END));
        assertThat(store.entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(future.cancel(true)).isTrue();
        assertThat(store.interrupted.await(10, TimeUnit.SECONDS)).as("the blocked read was interrupted").isTrue();
        assertThatThrownBy(future::get).isInstanceOf(CancellationException.class);
        // The pool thread is usable again, without a stale interrupt.
        querier.close();
        querier = Querier.builder().queryable(replica(0)).build();
        assertThat(querier.instantQueryAsync(InstantQuery.of("up", END)).get(10, TimeUnit.SECONDS).value())
                .isInstanceOf(Value.Vector.class);
    }

    @Test
    void aCancelledHandleStopsTheSynchronousQuery() {
        twoReplicas();
        CancelHandle cancel = new CancelHandle();
        cancel.cancel();
        assertThatThrownBy(() -> querier.rangeQuery(new RangeQuery("sum(rate(http_requests_total[5m]))", 0, END, STEP,
                RequestOptions.DEFAULT.withCancel(cancel))))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.CANCELED));
    }

    @Test
    void closeLeavesNoNonDaemonThreadsAndEndsReadiness() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        twoReplicas();
        assertThat(querier.ready()).isTrue();
        assertThat(querier.endpoints()).isEmpty();
        querier.instantQueryAsync(InstantQuery.of("up", END)).get(10, TimeUnit.SECONDS);
        querier.close();
        assertThat(querier.ready()).isFalse();
        assertThatThrownBy(() -> querier.instantQuery("up", END)).isInstanceOf(IllegalStateException.class);
        Set<String> leftover = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon()).map(Thread::getName)
                .collect(Collectors.toSet());
        assertThat(leftover).isEmpty();
        Set<String> querierThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith("querier-"))
                .map(Thread::getName).collect(Collectors.toSet());
        assertThat(querierThreads).as("owned threads are shut down").isEmpty();
    }

    /** A store whose reads block until interrupted. */
    private static final class Blocking implements Queryable {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public SeriesSet select(SelectHints hints, List<LabelMatcher> matchers) {
            return new SeriesSet() {
                @Override
                public boolean next() {
                    entered.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        Thread.currentThread().interrupt();
                        throw new QueryException(QueryException.Type.CANCELED, "interrupted");
                    }
                    return false;
                }

                @Override
                public Series at() {
                    throw new IllegalStateException();
                }

                @Override
                public List<String> warnings() {
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> matchers) {
            return new LabelQueryResult(List.of(), List.of());
        }

        @Override
        public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> matchers) {
            return new LabelQueryResult(List.of(), List.of());
        }
    }
}
