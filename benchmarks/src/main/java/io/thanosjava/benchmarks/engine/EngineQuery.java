package io.thanosjava.benchmarks.engine;

import static io.thanosjava.benchmarks.engine.EngineDataset.CONTAINERS;
import static io.thanosjava.benchmarks.engine.EngineDataset.PODS;
import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_START_MS;
import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_STEP_MS;
import static io.thanosjava.benchmarks.engine.EngineDataset.STEPS;
import static io.thanosjava.benchmarks.engine.EngineDataset.requests;

import io.thanosjava.engine.Value;
import io.thanosjava.model.Labels;

/**
 * The queries of the engine benchmark, each with the check of its answer over {@link EngineDataset}.
 * Rates are checked from the second step of a full window on (t >= 60 s): before it a window holds
 * the very first sample, where extrapolation towards zero makes the value depend on the series.
 */
public enum EngineQuery {
    SELECTOR("http_requests_total") {
        @Override
        void verify(Value.Matrix m) {
            expectSeries(m, PODS * CONTAINERS);
            for (Value.Series s : m.series()) {
                expectSteps(s, 0);
                checkLabel(s, Labels.METRIC_NAME, "http_requests_total");
                int pod = index(s, "pod");
                int container = index(s, "container");
                for (int i = 0; i < STEPS; i++) {
                    expectExact(s, i, requests(pod, container, i));
                }
            }
        }
    },
    RATE("rate(http_requests_total[1m])") {
        @Override
        void verify(Value.Matrix m) {
            expectSeries(m, PODS * CONTAINERS);
            for (Value.Series s : m.series()) {
                expectSteps(s, 1);
                checkLabel(s, Labels.METRIC_NAME, "");
                double perSecond = index(s, "container") / 30.0;
                for (int i = 1; i < s.values().length; i++) {
                    expectClose(s, i, perSecond);
                }
            }
        }
    },
    SUM_RATE("sum(rate(http_requests_total[1m]))") {
        @Override
        void verify(Value.Matrix m) {
            expectSeries(m, 1);
            Value.Series s = m.series().get(0);
            expectSteps(s, 1);
            check(s.labels().size() == 0, "sum without grouping has labels " + s.labels());
            double perSecond = PODS * (CONTAINERS * (CONTAINERS - 1) / 2) / 30.0;
            for (int i = 1; i < s.values().length; i++) {
                expectClose(s, i, perSecond);
            }
        }
    },
    SUM_BY_POD_RATE("sum by (pod) (rate(http_requests_total[1m]))") {
        @Override
        void verify(Value.Matrix m) {
            expectSeries(m, PODS);
            double perSecond = (CONTAINERS * (CONTAINERS - 1) / 2) / 30.0;
            for (Value.Series s : m.series()) {
                expectSteps(s, 1);
                check(s.labels().size() == 1, "sum by (pod) kept labels " + s.labels());
                index(s, "pod");
                for (int i = 1; i < s.values().length; i++) {
                    expectClose(s, i, perSecond);
                }
            }
        }
    },
    MANY_TO_ONE_JOIN("http_requests_total / on (pod) group_left () http_responses_total") {
        @Override
        void verify(Value.Matrix m) {
            expectSeries(m, PODS * CONTAINERS);
            for (Value.Series s : m.series()) {
                expectSteps(s, 0);
                checkLabel(s, Labels.METRIC_NAME, "");
                int pod = index(s, "pod");
                int container = index(s, "container");
                for (int i = 0; i < STEPS; i++) {
                    expectExact(s, i, requests(pod, container, i) / pod);
                }
            }
        }
    },
    /**
     * Summed over pods, bucket {@code le} grows by {@code 1000 * le} per scrape and +Inf by 499,500,
     * so the 0.9 rank lies beyond the highest finite bucket: the answer is that bucket's bound, 9.
     */
    HISTOGRAM_QUANTILE("histogram_quantile(0.9, sum by (le) (rate(http_response_seconds_bucket[1m])))") {
        @Override
        void verify(Value.Matrix m) {
            expectSeries(m, 1);
            Value.Series s = m.series().get(0);
            expectSteps(s, 1);
            check(s.labels().size() == 0, "histogram_quantile over sum by (le) has labels " + s.labels());
            for (int i = 1; i < s.values().length; i++) {
                expectExact(s, i, EngineDataset.FINITE_BUCKETS - 1);
            }
        }
    };

    /** Aggregated rates are sums of thousands of terms, whose rounding depends on summation order. */
    private static final double RELATIVE_TOLERANCE = 1e-9;

    final String promql;

    EngineQuery(String promql) {
        this.promql = promql;
    }

    /** @throws IllegalStateException when the result is not this query's answer over {@link EngineDataset} */
    abstract void verify(Value.Matrix m);

    void verify(Value value) {
        check(value instanceof Value.Matrix, promql + " returned a " + value.resultType());
        verify((Value.Matrix) value);
    }

    private static void expectSeries(Value.Matrix m, int count) {
        check(m.series().size() == count, "expected " + count + " series, got " + m.series().size());
    }

    /** The series holds every step from {@code firstStep} to the end of the range. */
    private static void expectSteps(Value.Series s, int firstStep) {
        long[] ts = s.timestamps();
        if (ts.length != STEPS - firstStep) {
            fail(s.labels() + ": expected " + (STEPS - firstStep) + " points, got " + ts.length);
        }
        for (int i = 0; i < ts.length; i++) {
            if (ts[i] != QUERY_START_MS + (firstStep + i) * QUERY_STEP_MS) {
                fail(s.labels() + ": point " + i + " at " + ts[i]);
            }
        }
    }

    private static void expectExact(Value.Series s, int point, double expected) {
        double got = s.values()[point];
        if (Double.compare(got, expected) != 0) {
            fail(s.labels() + " at " + s.timestamps()[point] + ": expected " + expected + ", got " + got);
        }
    }

    private static void expectClose(Value.Series s, int point, double expected) {
        double got = s.values()[point];
        if (!(Math.abs(got - expected) <= RELATIVE_TOLERANCE * Math.abs(expected))) {
            fail(s.labels() + " at " + s.timestamps()[point] + ": expected " + expected + ", got " + got);
        }
    }

    private static void checkLabel(Value.Series s, String name, String expected) {
        if (!s.labels().getOrEmpty(name).equals(expected)) {
            fail(s.labels() + ": expected " + name + "=\"" + expected + "\"");
        }
    }

    /** The number in a label value like {@code p17} or {@code c2}. */
    private static int index(Value.Series s, String name) {
        String value = s.labels().getOrEmpty(name);
        if (value.length() < 2) {
            fail(s.labels() + ": no " + name + " label");
        }
        return Integer.parseInt(value.substring(1));
    }

    /** Checks once per series or result; per-point checks call {@link #fail} so that passing builds no message. */
    private static void check(boolean ok, String message) {
        if (!ok) {
            fail(message);
        }
    }

    private static void fail(String message) {
        throw new IllegalStateException(message);
    }
}
