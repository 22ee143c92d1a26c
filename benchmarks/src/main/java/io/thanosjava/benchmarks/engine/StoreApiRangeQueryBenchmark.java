package io.thanosjava.benchmarks.engine;

import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_END_MS;
import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_START_MS;
import static io.thanosjava.benchmarks.engine.EngineDataset.QUERY_STEP_MS;

import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.engine.CancelHandle;
import io.thanosjava.engine.QueryEngine;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.store.EndpointSet;
import io.thanosjava.engine.store.FanoutOptions;
import io.thanosjava.engine.store.JdkDnsResolver;
import io.thanosjava.engine.store.LabelFanout;
import io.thanosjava.engine.store.PartialResponseStrategy;
import io.thanosjava.engine.store.QuerySettings;
import io.thanosjava.engine.store.SeriesFanout;
import io.thanosjava.engine.store.StoreQueryable;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * The queries of {@link RangeQueryBenchmark} through the real StoreAPI path: {@link EngineDataset} in
 * an in-memory store (XOR chunks) served by {@link StoreServer} on loopback, read by the querier's
 * fan-out ({@link EndpointSet}, {@link SeriesFanout}, {@link StoreQueryable}) with deduplication off.
 * One operation is one query, including the gRPC Series call, chunk decoding and the merge.
 * {@code -prof gc} counts allocation of every thread, the store's included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class StoreApiRangeQueryBenchmark {
    @Param
    public EngineQuery query;

    private final QueryEngine engine = new QueryEngine(QueryOptions.DEFAULT);
    private StoreServer server;
    private ScheduledExecutorService scheduler;
    private ExecutorService infoExecutor;
    private EndpointSet endpoints;
    private StoreQueryable data;
    private Expr expr;

    @Setup
    public void setup() throws IOException {
        server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), EngineDataset.store(), Labels.empty(),
                InfoService.COMPONENT_STORE);
        scheduler = Executors.newScheduledThreadPool(1);
        infoExecutor = Executors.newCachedThreadPool();
        endpoints = new EndpointSet(EndpointSet.Config.of(List.of("127.0.0.1:" + server.port()), List.of(), List.of()),
                new JdkDnsResolver(), Clock.systemUTC(), infoExecutor);
        endpoints.refresh();
        if (endpoints.storeEndpoints().size() != 1) {
            throw new IllegalStateException("the loopback store did not become ready: " + endpoints.statuses());
        }
        FanoutOptions fanout = FanoutOptions.defaults();
        data = new StoreQueryable(endpoints::storeEndpoints, new SeriesFanout(fanout, scheduler), new LabelFanout(fanout),
                new QuerySettings(PartialResponseStrategy.ABORT, false, List.of(), DedupAlgorithm.PENALTY,
                        QuerySettings.DEFAULT_TENANT));
        expr = PromqlParser.parseExpr(query.promql);
        query.verify(run().value());
    }

    @TearDown
    public void tearDown() {
        endpoints.close();
        server.close();
        scheduler.shutdownNow();
        infoExecutor.shutdownNow();
    }

    @Benchmark
    public QueryResult rangeQuery() {
        return run();
    }

    private QueryResult run() {
        return engine.rangeQuery(data, expr, QUERY_START_MS, QUERY_END_MS, QUERY_STEP_MS, QueryOptions.DEFAULT,
                new CancelHandle());
    }
}
