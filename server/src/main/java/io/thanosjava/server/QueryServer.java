package io.thanosjava.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.thanosjava.engine.Querier;
import io.thanosjava.engine.StoreApiServer;
import io.thanosjava.server.api.ApiRoutes;
import io.thanosjava.server.api.MetadataApi;
import io.thanosjava.server.api.QueryApi;
import io.thanosjava.server.api.StatusApi;
import io.thanosjava.server.demo.DemoStores;
import io.thanosjava.server.http.Dispatcher;
import io.thanosjava.server.http.HttpServer;
import io.thanosjava.server.http.Probes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running querier: the library's {@link Querier}, the HTTP API and metrics, with graceful shutdown. */
final class QueryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);

    private final ThreadPoolExecutor executor;
    private final HttpServer http;
    /** Closed in this order once the HTTP side has stopped: the StoreAPI server, the querier, the demo stores. */
    private final List<AutoCloseable> backends;
    private final Duration gracePeriod;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private QueryServer(ThreadPoolExecutor executor, HttpServer http, List<AutoCloseable> backends, Duration gracePeriod) {
        this.executor = executor;
        this.http = http;
        this.backends = backends;
        this.gracePeriod = gracePeriod;
    }

    static QueryServer start(QueryCommand flags) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        List<AutoCloseable> backends = new ArrayList<>();
        try {
            Querier querier = startQuerier(flags, registry, backends);
            StoreApiServer storeApi = querier.serveStoreApi(ListenAddresses.parse(flags.spec, flags.grpcAddress, "--grpc-address"));
            backends.add(0, storeApi);
            LOG.info("serving the StoreAPI (Store, Info) on {} (port {})", flags.grpcAddress, storeApi.port());
            return startHttp(flags, querier, registry, backends);
        } catch (Exception | Error e) {
            closeAll(backends);
            throw e;
        }
    }

    /** The querier over the endpoints, or over the built-in demo stores when none is given. */
    private static Querier startQuerier(QueryCommand flags, PrometheusMeterRegistry registry, List<AutoCloseable> backends)
            throws IOException {
        List<String> endpoints = flags.endpoints;
        if (endpoints.isEmpty() && flags.strictEndpoints.isEmpty() && flags.sdFiles.isEmpty()) {
            DemoStores demo = DemoStores.start(System.currentTimeMillis());
            backends.add(demo);
            endpoints = demo.addresses();
            if (flags.replicaLabels.isEmpty()) {
                flags.replicaLabels = List.of(DemoStores.REPLICA_LABEL);
            }
            LOG.info("no endpoints given: serving built-in demo data from {} in-process stores ({}), replica label \"{}\"",
                    endpoints.size(), String.join(", ", endpoints), String.join(",", flags.replicaLabels));
        }
        Querier querier = QuerierFactory.create(flags, endpoints, registry);
        backends.add(0, querier);
        return querier;
    }

    private static QueryServer startHttp(QueryCommand flags, Querier querier, PrometheusMeterRegistry registry,
                                         List<AutoCloseable> backends) throws InterruptedException {
        ThreadPoolExecutor executor = newExecutor(flags.maxConcurrent, flags.maxQueued);
        registry.gauge("thanos_query_concurrent_gate_queries_in_flight", executor, ThreadPoolExecutor::getActiveCount);
        registry.gauge("thanos_query_concurrent_gate_queries_max", flags, f -> f.maxConcurrent);

        QueryApi query = new QueryApi(querier, flags.defaultStep.toMillis(), System::currentTimeMillis);
        MetadataApi metadata = new MetadataApi(querier);
        StatusApi status = new StatusApi(querier, flags.flagValues(), "thanos-java-0.1.0");
        String prefix = flags.routePrefix.isEmpty() ? flags.externalPrefix : flags.routePrefix;
        Dispatcher dispatcher = new Dispatcher(ApiRoutes.build(query, metadata, status),
                Probes.build(querier::ready, registry), prefix, executor, (handler, method, code, nanos) -> {
                    Counter.builder("http_requests_total").tag("handler", handler).tag("method", method)
                            .tag("code", Integer.toString(code)).register(registry).increment();
                    Timer.builder("http_request_duration_seconds").tag("handler", handler)
                            .register(registry).record(nanos, TimeUnit.NANOSECONDS);
                });
        HttpServer http;
        try {
            http = HttpServer.start(ListenAddresses.parse(flags.spec, flags.httpAddress, "--http-address"), dispatcher,
                    flags.maxBodyBytes);
        } catch (InterruptedException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
        LOG.info("listening for HTTP requests on {} (port {})", flags.httpAddress, http.port());
        QueryServer server = new QueryServer(executor, http, backends, flags.gracePeriod);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownFromSignal, "shutdown"));
        return server;
    }

    private static ThreadPoolExecutor newExecutor(int threads, int queued) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                queued == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queued),
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
        closeAll(backends);
        LOG.info("stopped");
        stopped.countDown();
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.toString());
            }
        }
    }
}
