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
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Companion of {@link RangeQueryBenchmark} and {@link StoreApiRangeQueryBenchmark} for loaded
 * machines: runs each query of {@link EngineQuery} and reports, per query, the median wall time, the
 * CPU time of the calling thread (the engine evaluates on the caller's thread, so for the in-memory
 * data this is the query's whole work, undistorted by other processes competing for the cores), the
 * CPU time of the whole process (adds the store's and gRPC's threads, GC and JIT) and the bytes
 * allocated by all threads.
 *
 * <p>Usage: {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * io.thanosjava.benchmarks.engine.QueryCpuTime [memory|store [warmup-runs [measured-runs [QUERY...]]]]}
 * (defaults memory, 10, 10, every query). Without {@code AlwaysPreTouch} the kernel's first-touch page
 * faults on fresh heap are charged to the querying thread and can triple its CPU time. Run one query
 * per JVM for steady figures: a query measured after another may run partly deoptimised code.
 */
public final class QueryCpuTime {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final QueryEngine engine = new QueryEngine(QueryOptions.DEFAULT);

    private QueryCpuTime() {
        if (!threads.isCurrentThreadCpuTimeSupported() || !threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM measures neither thread CPU time nor thread allocation");
        }
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "memory";
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need warmup-runs >= 0 and measured-runs >= 1");
        }
        List<EngineQuery> queries = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            queries.add(EngineQuery.valueOf(args[i]));
        }
        if (queries.isEmpty()) {
            queries.addAll(Arrays.asList(EngineQuery.values()));
        }
        QueryCpuTime harness = new QueryCpuTime();
        switch (mode) {
            case "memory" -> harness.measure(EngineDataset.queryable(), queries, warmups, runs);
            case "store" -> {
                try (LoopbackStore store = new LoopbackStore()) {
                    harness.measure(store.queryable(), queries, warmups, runs);
                }
            }
            default -> throw new IllegalArgumentException("mode must be memory or store, got " + mode);
        }
    }

    private void measure(Queryable data, List<EngineQuery> queries, int warmups, int runs) {
        System.out.printf(Locale.ROOT, "%-18s %10s %14s %15s %14s%n", "query", "wall ms", "thread cpu ms", "process cpu ms",
                "MB allocated");
        for (EngineQuery query : queries) {
            Expr expr = PromqlParser.parseExpr(query.promql);
            query.verify(run(data, expr).value());
            for (int i = 0; i < warmups; i++) {
                run(data, expr);
            }
            long[] wall = new long[runs];
            long[] threadCpu = new long[runs];
            long[] processCpu = new long[runs];
            long[] bytes = new long[runs];
            for (int i = 0; i < runs; i++) {
                long bytesBefore = allocatedByAllThreads();
                long processBefore = os.getProcessCpuTime();
                long threadBefore = threads.getCurrentThreadCpuTime();
                long wallBefore = System.nanoTime();
                run(data, expr);
                wall[i] = System.nanoTime() - wallBefore;
                threadCpu[i] = threads.getCurrentThreadCpuTime() - threadBefore;
                processCpu[i] = os.getProcessCpuTime() - processBefore;
                bytes[i] = allocatedByAllThreads() - bytesBefore;
            }
            System.out.printf(Locale.ROOT, "%-18s %10.1f %14.1f %15.1f %14.2f%n", query, median(wall) / 1e6,
                    median(threadCpu) / 1e6, median(processCpu) / 1e6, median(bytes) / 1e6);
        }
    }

    private QueryResult run(Queryable data, Expr expr) {
        return engine.rangeQuery(data, expr, QUERY_START_MS, QUERY_END_MS, QUERY_STEP_MS, QueryOptions.DEFAULT, new CancelHandle());
    }

    /** Threads that end between two readings drop out of the sum: fine for pooled gRPC and store threads. */
    private long allocatedByAllThreads() {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
