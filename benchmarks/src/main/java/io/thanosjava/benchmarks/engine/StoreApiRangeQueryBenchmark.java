package io.thanosjava.benchmarks.engine;

import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_END_MS;
import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_START_MS;
import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_STEP_MS;

import io.thanosjava.engine.CancelHandle;
import io.thanosjava.engine.QueryEngine;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The queries of {@link RangeQueryBenchmark} through the real StoreAPI path ({@link LoopbackStore}):
 * one operation is one query, including the gRPC Series call, chunk decoding and the merge.
 * {@code -prof gc} counts allocation of every thread, the store's included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class StoreApiRangeQueryBenchmark {
    @Param
    public EngineQuery query;

    private final QueryEngine engine = new QueryEngine(QueryOptions.DEFAULT);
    private LoopbackStore store;
    private Expr expr;

    @Setup
    public void setup() throws IOException {
        store = new LoopbackStore();
        expr = PromqlParser.parseExpr(query.promql);
        query.verify(run().value());
    }

    @TearDown
    public void tearDown() {
        store.close();
    }

    @Benchmark
    public QueryResult rangeQuery() {
        return run();
    }

    private QueryResult run() {
        return engine.rangeQuery(store.queryable(), expr, QUERY_START_MS, QUERY_END_MS, QUERY_STEP_MS, QueryOptions.DEFAULT,
                new CancelHandle());
    }
}
