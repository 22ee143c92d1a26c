package io.thanosjava.benchmarks.engine;

import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.engine.store.EndpointSet;
import io.thanosjava.engine.store.FanoutOptions;
import io.thanosjava.engine.store.JdkDnsResolver;
import io.thanosjava.engine.store.LabelFanout;
import io.thanosjava.engine.store.PartialResponseStrategy;
import io.thanosjava.engine.store.QuerySettings;
import io.thanosjava.engine.store.SeriesFanout;
import io.thanosjava.engine.store.StoreQueryable;
import io.thanosjava.model.Labels;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@link EngineDataset} in an in-memory store (XOR chunks) served by {@link StoreServer} on loopback,
 * and the querier's fan-out over it ({@link EndpointSet}, {@link SeriesFanout}, {@link StoreQueryable})
 * wired as the server wires it, deduplication off.
 */
final class LoopbackStore implements AutoCloseable {
    private final StoreServer server;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final ExecutorService infoExecutor = Executors.newCachedThreadPool();
    private final EndpointSet endpoints;
    private final StoreQueryable queryable;

    LoopbackStore() throws IOException {
        server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), EngineDataset.store(), Labels.empty(),
                InfoService.COMPONENT_STORE);
        endpoints = new EndpointSet(EndpointSet.Config.of(List.of("127.0.0.1:" + server.port()), List.of(), List.of()),
                new JdkDnsResolver(), Clock.systemUTC(), infoExecutor);
        endpoints.refresh();
        if (endpoints.storeEndpoints().size() != 1) {
            close();
            throw new IllegalStateException("the loopback store did not become ready: " + endpoints.statuses());
        }
        FanoutOptions fanout = FanoutOptions.defaults();
        queryable = new StoreQueryable(endpoints::storeEndpoints, new SeriesFanout(fanout, scheduler), new LabelFanout(fanout),
                new QuerySettings(PartialResponseStrategy.ABORT, false, List.of(), DedupAlgorithm.PENALTY,
                        QuerySettings.DEFAULT_TENANT));
    }

    StoreQueryable queryable() {
        return queryable;
    }

    @Override
    public void close() {
        endpoints.close();
        server.close();
        scheduler.shutdownNow();
        infoExecutor.shutdownNow();
    }
}
