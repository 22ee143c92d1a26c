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
import io.thanosjava.promql.PromqlParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the PromQL scripts cannot show: limits, timeouts, cancellation and what the engine asks storage for. */
class QueryEngineTest {
    private static final long MINUTE = 60_000;

    /** Ten series {@code foo{i="0".."9"}} with a sample every minute for an hour. */
    private static InMemoryQueryable tenSeries() {
        InMemoryQueryable.Builder b = InMemoryQueryable.builder();
        for (int s = 0; s < 10; s++) {
            long[] t = new long[61];
            double[] v = new double[61];
            for (int i = 0; i < t.length; i++) {
                t[i] = i * MINUTE;
                v[i] = i * (s + 1);
            }
            b.add(Labels.of("__name__", "foo", "i", Integer.toString(s)), t, v);
        }
        return b.build();
    }

    private final QueryEngine engine = new QueryEngine(QueryOptions.DEFAULT);

    private QueryResult rangeQuery(String expr, long maxSamples) {
        return engine.rangeQuery(tenSeries(), PromqlParser.parseExpr(expr), 0, 60 * MINUTE, MINUTE,
                QueryOptions.DEFAULT.withMaxSamples(maxSamples), new CancelHandle());
    }

    @Test
    void maxSamplesLimitFailsWithPrometheusText() {
        assertThatThrownBy(() -> rangeQuery("foo", 10 * 61 - 1))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.EXECUTION))
                .hasMessage("query processing would load too many samples into memory in query execution");
        QueryResult ok = rangeQuery("foo", 10 * 61);
        assertThat(((Value.Matrix) ok.value()).series()).hasSize(10);
        assertThat(ok.stats().peakSamples()).isEqualTo(10 * 61);
    }

    @Test
    void maxSamplesLimitsThePeakHeldNotTheSamplesRead() {
        // sum() folds one selected series at a time: 610 samples are read, never more than 61 held.
        QueryResult sum = rangeQuery("sum(foo)", 61);
        assertThat(((Value.Matrix) sum.value()).series()).hasSize(1);
        assertThat(sum.stats().totalQueryableSamples()).isEqualTo(10 * 61);
        assertThat(sum.stats().peakSamples()).isEqualTo(61);
        assertThatThrownBy(() -> rangeQuery("sum(foo)", 60)).isInstanceOf(QueryException.class);
        // Both operands of a binary operator and its output are in memory together, as in Prometheus.
        assertThat(rangeQuery("foo - foo", 3 * 610).stats().peakSamples()).isEqualTo(3 * 610);
        assertThatThrownBy(() -> rangeQuery("foo - foo", 3 * 610 - 1)).isInstanceOf(QueryException.class);
    }

    @Test
    void aggregationsThatStreamTheirInputAnswerAsPerSeriesEvaluation() {
        // Each group of sum by (i) holds one series, so the sums must equal rate's own values bit for bit.
        Value.Matrix rates = (Value.Matrix) rangeQuery("rate(foo[5m])", QueryOptions.DEFAULT_MAX_SAMPLES).value();
        Value.Matrix sums = (Value.Matrix) rangeQuery("sum by (i) (rate(foo[5m]))", QueryOptions.DEFAULT_MAX_SAMPLES).value();
        assertThat(sums.series()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(sums.series().get(i).labels()).isEqualTo(rates.series().get(i).labels());
            assertThat(sums.series().get(i).timestamps()).containsExactly(rates.series().get(i).timestamps());
            assertThat(sums.series().get(i).values()).containsExactly(rates.series().get(i).values());
        }
        Value.Matrix max = (Value.Matrix) rangeQuery("max(foo)", QueryOptions.DEFAULT_MAX_SAMPLES).value();
        assertThat(max.series().get(0).values()[60]).isEqualTo(60 * 10);
    }

    @Test
    void aRangeFunctionFeedingAnAggregationStillRejectsSeriesEqualWithoutTheirName() {
        long[] t = {0, MINUTE, 2 * MINUTE};
        double[] v = {0, 1, 2};
        InMemoryQueryable twoNames = InMemoryQueryable.builder()
                .add(Labels.of("__name__", "a_total", "job", "x"), t, v)
                .add(Labels.of("__name__", "b_total", "job", "x"), t, v)
                .build();
        assertThatThrownBy(() -> engine.rangeQuery(twoNames, PromqlParser.parseExpr("sum(rate({job=\"x\"}[5m]))"), 0,
                2 * MINUTE, MINUTE))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.EXECUTION))
                .hasMessage("vector cannot contain metrics with the same labelset");
    }

    @Test
    void timeoutStopsAQueryBetweenSeries() {
        Queryable slow = new SlowQueryable(tenSeries(), 30);
        QueryOptions opts = QueryOptions.DEFAULT.withTimeout(Duration.ofMillis(50));
        assertThatThrownBy(() -> engine.instantQuery(slow, PromqlParser.parseExpr("foo"), 30 * MINUTE, opts, new CancelHandle()))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.TIMEOUT))
                .hasMessage("query timed out in expression evaluation");
    }

    @Test
    void cancellationMidQueryFailsAsCanceled() {
        CancelHandle cancel = new CancelHandle();
        Queryable cancelling = new CancelAfterFirstSeries(tenSeries(), cancel);
        assertThatThrownBy(() -> engine.rangeQuery(cancelling, PromqlParser.parseExpr("rate(foo[5m])"), 0, 60 * MINUTE,
                MINUTE, QueryOptions.DEFAULT, cancel))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.CANCELED))
                .hasMessage("query was canceled in expression evaluation");
    }

    @Test
    void selectorsPushMatchersTimeRangeAndHintsToStorage() {
        RecordingQueryable rec = new RecordingQueryable(tenSeries());
        engine.rangeQuery(rec, PromqlParser.parseExpr("sum(rate(foo{i=~\"1|2\"}[5m] offset 1m))"), 10 * MINUTE, 20 * MINUTE, MINUTE);
        assertThat(rec.hints).hasSize(1);
        SelectHints h = rec.hints.get(0);
        assertThat(h.start()).isEqualTo(10 * MINUTE - MINUTE - 5 * MINUTE + 1);
        assertThat(h.end()).isEqualTo(20 * MINUTE - MINUTE);
        assertThat(h.step()).isEqualTo(MINUTE);
        assertThat(h.range()).isEqualTo(5 * MINUTE);
        assertThat(h.func()).isEqualTo("rate");
        assertThat(rec.matchers.get(0)).extracting(LabelMatcher::toString)
                .containsExactlyInAnyOrder("i=~\"1|2\"", "__name__=\"foo\"");

        rec.hints.clear();
        engine.instantQuery(rec, PromqlParser.parseExpr("foo"), 30 * MINUTE);
        assertThat(rec.hints.get(0).start()).isEqualTo(30 * MINUTE - 5 * MINUTE + 1);
        assertThat(rec.hints.get(0).end()).isEqualTo(30 * MINUTE);
    }

    @Test
    void rangeQueryRejectsRangeVectorExpressions() {
        assertThatThrownBy(() -> engine.rangeQuery(tenSeries(), PromqlParser.parseExpr("foo[5m]"), 0, MINUTE, MINUTE))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(QueryException.Type.BAD_DATA))
                .hasMessage("invalid expression type \"range vector\" for range query, must be Scalar or instant Vector");
    }

    @Test
    void rangeQueryEvaluatesEveryStepAndSortsSeries() {
        QueryResult r = engine.rangeQuery(tenSeries(), PromqlParser.parseExpr("foo{i=~\"0|1\"} * 2"), 0, 2 * MINUTE, MINUTE);
        Value.Matrix m = (Value.Matrix) r.value();
        assertThat(m.series()).extracting(s -> s.labels().toString()).containsExactly("{i=\"0\"}", "{i=\"1\"}");
        assertThat(m.series().get(1).values()).containsExactly(0, 4, 8);
        assertThat(m.series().get(1).timestamps()).containsExactly(0, MINUTE, 2 * MINUTE);
    }

    @Test
    void rateOnANonCounterNameAddsPrometheusInfo() {
        QueryResult r = engine.instantQuery(tenSeries(), PromqlParser.parseExpr("rate(foo{i=\"0\"}[5m])"), 30 * MINUTE);
        assertThat(r.infos()).containsExactly(
                "PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"foo\"");
        assertThat(((Value.Vector) r.value()).values()).containsExactly(1.0 / 60);
    }

    /** Delegates, recording every select. */
    private static final class RecordingQueryable implements Queryable {
        final Queryable inner;
        final List<SelectHints> hints = new ArrayList<>();
        final List<List<LabelMatcher>> matchers = new ArrayList<>();

        RecordingQueryable(Queryable inner) {
            this.inner = inner;
        }

        @Override
        public SeriesSet select(SelectHints h, List<LabelMatcher> m) {
            hints.add(h);
            matchers.add(m);
            return inner.select(h, m);
        }

        @Override
        public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> m) {
            return inner.labelNames(mint, maxt, m);
        }

        @Override
        public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> m) {
            return inner.labelValues(name, mint, maxt, m);
        }
    }

    /** Sleeps before handing out each series, like a slow store. */
    private static final class SlowQueryable implements Queryable {
        private final Queryable inner;
        private final long sleepMillis;

        SlowQueryable(Queryable inner, long sleepMillis) {
            this.inner = inner;
            this.sleepMillis = sleepMillis;
        }

        @Override
        public SeriesSet select(SelectHints h, List<LabelMatcher> m) {
            SeriesSet s = inner.select(h, m);
            return new ForwardingSeriesSet(s) {
                @Override
                public boolean next() {
                    try {
                        Thread.sleep(sleepMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.next();
                }
            };
        }

        @Override
        public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> m) {
            return inner.labelNames(mint, maxt, m);
        }

        @Override
        public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> m) {
            return inner.labelValues(name, mint, maxt, m);
        }
    }

    /** Cancels the query as soon as the first series has been handed out (a client going away). */
    private static final class CancelAfterFirstSeries implements Queryable {
        private final Queryable inner;
        private final CancelHandle cancel;

        CancelAfterFirstSeries(Queryable inner, CancelHandle cancel) {
            this.inner = inner;
            this.cancel = cancel;
        }

        @Override
        public SeriesSet select(SelectHints h, List<LabelMatcher> m) {
            return new ForwardingSeriesSet(inner.select(h, m)) {
                @Override
                public boolean next() {
                    boolean more = super.next();
                    cancel.cancel();
                    return more;
                }
            };
        }

        @Override
        public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> m) {
            return inner.labelNames(mint, maxt, m);
        }

        @Override
        public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> m) {
            return inner.labelValues(name, mint, maxt, m);
        }
    }

    private static class ForwardingSeriesSet implements SeriesSet {
        private final SeriesSet inner;

        ForwardingSeriesSet(SeriesSet inner) {
            this.inner = inner;
        }

        @Override
        public boolean next() {
            return inner.next();
        }

        @Override
        public Series at() {
            return inner.at();
        }

        @Override
        public List<String> warnings() {
            return inner.warnings();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
