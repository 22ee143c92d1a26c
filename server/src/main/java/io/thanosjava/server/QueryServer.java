package io.thanosjava.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.thanosjava.engine.QueryEngine;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.server.api.ApiRoutes;
import io.thanosjava.server.api.MetadataApi;
import io.thanosjava.server.api.QueryApi;
import io.thanosjava.server.api.QuerySettings;
import io.thanosjava.server.api.StatusApi;
import io.thanosjava.server.api.StoreAccess;
import io.thanosjava.server.http.Dispatcher;
import io.thanosjava.server.http.HttpServer;
import io.thanosjava.server.http.Probes;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running querier: store access, engine, HTTP API and metrics, with graceful shutdown. */
final class QueryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);

    private final StoreAccess stores;
    private final ThreadPoolExecutor executor;
    private final HttpServer http;
    private final Duration gracePeriod;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private QueryServer(StoreAccess stores, ThreadPoolExecutor executor, HttpServer http, Duration gracePeriod) {
        this.stores = stores;
        this.executor = executor;
        this.http = http;
        this.gracePeriod = gracePeriod;
    }

    static QueryServer start(QueryCommand flags) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        StoreAccess stores = StoreAccessFactory.create(flags, registry);

        QueryOptions engineOptions = QueryOptions.DEFAULT
                .withTimeout(flags.queryTimeout)
                .withMaxSamples(flags.maxSamples)
                .withDefaultSubqueryStep(flags.defaultEvaluationInterval.toMillis())
                .withExperimentalFunctions(flags.experimentalFunctions());
        if (flags.lookbackDelta != null && flags.lookbackDelta.toMillis() > 0) {
            engineOptions = engineOptions.withLookbackDelta(flags.lookbackDelta.toMillis());
        }
        QuerySettings settings = new QuerySettings(engineOptions, flags.replicaLabels, flags.partialResponse,
                flags.defaultStep.toMillis());
        QueryEngine engine = new QueryEngine(engineOptions);
        ThreadPoolExecutor executor = newExecutor(flags.maxConcurrent, flags.maxQueued);
        registry.gauge("thanos_query_concurrent_gate_queries_in_flight", executor, ThreadPoolExecutor::getActiveCount);
        registry.gauge("thanos_query_concurrent_gate_queries_max", flags, f -> f.maxConcurrent);

        QueryApi query = new QueryApi(engine, stores, settings, System::currentTimeMillis);
        MetadataApi metadata = new MetadataApi(stores, settings);
        StatusApi status = new StatusApi(stores, flags.flagValues(), "thanos-java-0.1.0");
        String prefix = flags.routePrefix.isEmpty() ? flags.externalPrefix : flags.routePrefix;
        Dispatcher dispatcher = new Dispatcher(ApiRoutes.build(query, metadata, status),
                Probes.build(stores::ready, registry), prefix, executor, (handler, method, code, nanos) -> {
                    Counter.builder("http_requests_total").tag("handler", handler).tag("method", method)
                            .tag("code", Integer.toString(code)).register(registry).increment();
                    Timer.builder("http_request_duration_seconds").tag("handler", handler)
                            .register(registry).record(nanos, TimeUnit.NANOSECONDS);
                });
        HttpServer http = HttpServer.start(ListenAddresses.parse(flags.spec, flags.httpAddress, "--http-address"), dispatcher, flags.maxBodyBytes);
        LOG.info("listening for HTTP requests on {} (port {})", flags.httpAddress, http.port());
        QueryServer server = new QueryServer(stores, executor, http, flags.gracePeriod);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownFromSignal, "shutdown"));
        return server;
    }

    private static ThreadPoolExecutor newExecutor(int threads, int queued) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                queued == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queued),
                r -> {
                    Thread t = new Thread(r, "query-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    private void shutdownFromSignal() {
        LOG.info("received shutdown signal, finishing queries in flight (grace period {})", gracePeriod);
        close();
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        http.stopAccepting();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("grace period over, cancelling {} queries", executor.getActiveCount());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        http.close();
        stores.close();
        LOG.info("stopped");
        stopped.countDown();
    }
}
