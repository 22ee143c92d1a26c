package io.thanosjava.benchmarks.engine;

import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_END_MS;
import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_START_MS;
import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_STEP_MS;

import io.thanosjava.engine.CancelHandle;
import io.thanosjava.engine.QueryEngine;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Companion of {@link RangeQueryBenchmark} for loaded machines: runs each query of {@link EngineQuery}
 * on the calling thread and reports the thread's CPU time and allocated bytes per query next to
 * the wall time. The engine evaluates a query on the caller's thread, so CPU time is the work of
 * the query alone, undistorted by other processes competing for the cores (cache effects remain).
 *
 * <p>Usage: {@code java -Xmx2g -cp benchmarks.jar io.thanosjava.benchmarks.engine.QueryCpuTime
 * [warmup-runs [measured-runs [QUERY...]]]} (defaults 10, 10, every query).
 */
public final class QueryCpuTime {
    private QueryCpuTime() {
    }

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need warmup-runs >= 0 and measured-runs >= 1");
        }
        List<EngineQuery> queries = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            queries.add(EngineQuery.valueOf(args[i]));
        }
        if (queries.isEmpty()) {
            queries.addAll(Arrays.asList(EngineQuery.values()));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported() || !threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM measures neither thread CPU time nor thread allocation");
        }
        Queryable data = EngineDataset.queryable();
        QueryEngine engine = new QueryEngine(QueryOptions.DEFAULT);
        System.out.printf(Locale.ROOT, "%-18s %12s %12s %12s %14s%n", "query", "wall ms", "cpu ms", "cpu ms min", "MB allocated");
        for (EngineQuery query : queries) {
            Expr expr = PromqlParser.parseExpr(query.promql);
            query.verify(run(engine, data, expr).value());
            for (int i = 0; i < warmups; i++) {
                run(engine, data, expr);
            }
            long[] wall = new long[runs];
            long[] cpu = new long[runs];
            long[] bytes = new long[runs];
            for (int i = 0; i < runs; i++) {
                long bytesBefore = threads.getCurrentThreadAllocatedBytes();
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long wallBefore = System.nanoTime();
                run(engine, data, expr);
                wall[i] = System.nanoTime() - wallBefore;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
                bytes[i] = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            }
            System.out.printf(Locale.ROOT, "%-18s %12.1f %12.1f %12.1f %14.2f%n", query, median(wall) / 1e6, median(cpu) / 1e6,
                    Arrays.stream(cpu).min().getAsLong() / 1e6, median(bytes) / 1e6);
        }
    }

    private static QueryResult run(QueryEngine engine, Queryable data, Expr expr) {
        return engine.rangeQuery(data, expr, QUERY_START_MS, QUERY_END_MS, QUERY_STEP_MS, QueryOptions.DEFAULT, new CancelHandle());
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
