package io.thanosjava.engine.querier;

import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.dedup.ProxyMerge;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.engine.store.EndpointSet;
import io.thanosjava.engine.store.EndpointStatus;
import io.thanosjava.engine.store.FanoutOptions;
import io.thanosjava.engine.store.JdkDnsResolver;
import io.thanosjava.engine.store.LabelFanout;
import io.thanosjava.engine.store.PartialResponseStrategy;
import io.thanosjava.engine.store.SeriesFanout;
import io.thanosjava.engine.store.StoreEndpoint;
import io.thanosjava.engine.store.StoreInfo;
import io.thanosjava.engine.store.StoreQueryable;
import io.thanosjava.engine.store.proxy.ProxySource;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Every store behind a querier: the StoreAPI endpoints (discovered, health-checked, fanned out to) and the
 * in-process queryables, which take part in every request like a store without address or external labels
 * (so any {@code storeMatch[]}, which must match something non-empty, leaves them out). Endpoints are asked only when some were
 * configured, or when there is nothing else (then an empty set, as Thanos: "No StoreAPIs available" under
 * ABORT). Owns the endpoint set's threads and channels.
 */
public final class StoreLayer implements ProxySource, AutoCloseable {
    /** How in-process queryables describe themselves to stacked queriers: all time, no external labels. */
    private static final StoreInfo IN_PROCESS = new StoreInfo("in-process", List.of(), Long.MIN_VALUE, Long.MAX_VALUE,
            true, false, true);

    private final boolean askEndpoints;
    private final boolean discover;
    private final EndpointSet endpoints;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService infoExecutor;
    private final SeriesFanout seriesFanout;
    private final LabelFanout labelFanout;
    private final List<Queryable> inProcess;
    private final AtomicBoolean ready = new AtomicBoolean();

    private StoreLayer(QuerierConfig config, EndpointSet endpoints, ScheduledExecutorService scheduler,
                       ExecutorService infoExecutor) {
        this.discover = config.hasEndpoints();
        this.askEndpoints = discover || config.queryables().isEmpty();
        this.endpoints = endpoints;
        this.scheduler = scheduler;
        this.infoExecutor = infoExecutor;
        FanoutOptions fanout = FanoutOptions.defaults()
                .withResponseTimeout(config.storeResponseTimeout())
                .withCallTimeout(config.engineOptions().timeout())
                .withLimits(config.requestSeriesLimit(), config.requestSamplesLimit());
        this.seriesFanout = new SeriesFanout(fanout, scheduler);
        EndpointLabelCache cache = EndpointLabelCache.create(config);
        this.labelFanout = cache == null ? new LabelFanout(fanout) : new LabelFanout(fanout, cache);
        this.inProcess = config.queryables();
    }

    /**
     * Builds the layer, then (with endpoints) resolves and asks every endpoint once and keeps refreshing them in
     * the background.
     *
     * @throws IllegalArgumentException for an endpoint address that cannot be parsed
     */
    public static StoreLayer start(QuerierConfig config) {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, DaemonThreads.named("querier-scheduler"));
        ExecutorService infoExecutor = Executors.newCachedThreadPool(DaemonThreads.named("querier-info"));
        try {
            EndpointSet.Config endpointConfig = new EndpointSet.Config(config.endpoints(), config.strictEndpoints(),
                    config.endpointFiles(), config.endpointFilesInterval(), config.dnsInterval(),
                    config.endpointInfoInterval(), config.endpointInfoTimeout(), config.unhealthyEndpointTimeout(),
                    config.transport());
            EndpointSet endpoints = config.registry() == null
                    ? new EndpointSet(endpointConfig, new JdkDnsResolver(), Clock.systemUTC(), infoExecutor)
                    : new EndpointSet(endpointConfig, new JdkDnsResolver(), Clock.systemUTC(), infoExecutor,
                            new StoreClientMetrics(config.registry())::forEndpoint);
            StoreLayer layer = new StoreLayer(config, endpoints, scheduler, infoExecutor);
            layer.startDiscovery();
            return layer;
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            infoExecutor.shutdownNow();
            throw e;
        }
    }

    private void startDiscovery() {
        if (discover) {
            endpoints.refresh();
            endpoints.start(scheduler);
        }
        ready.set(true);
    }

    /** The view of one request: the stores its {@code storeMatch[]} selects, with its settings. */
    public Queryable queryable(RequestScope scope) {
        List<List<LabelMatcher>> storeMatchers = scope.storeMatchers();
        Supplier<List<StoreEndpoint>> selected = () -> StoreMatch.select(endpoints.storeEndpoints(), storeMatchers);
        StoreQueryable fanout = new StoreQueryable(selected, seriesFanout, labelFanout, scope.settings());
        List<Queryable> local = storeMatchers.isEmpty() ? inProcess : List.of();
        if (local.isEmpty() && askEndpoints) {
            return fanout;
        }
        if (local.size() == 1 && !askEndpoints && !scope.settings().dedupActive()) {
            // Nothing to merge or deduplicate: read the one store directly, without encoding it into chunks.
            return local.get(0);
        }
        return new MergedQueryable(this, fanout, askEndpoints ? selected : null, local);
    }

    /**
     * One Series request over the endpoints ({@code null}: none asked) and in-process queryables, merged into
     * one sorted stream. In-process data is read with {@code hints} and {@code matchers} and stripped of the
     * request's {@code without_replica_labels}, as a StoreAPI endpoint honouring them would be.
     */
    ChunkSeriesSet chunks(List<StoreEndpoint> stores, List<Queryable> local, SeriesRequest request, SelectHints hints,
                          List<LabelMatcher> matchers, String tenant) {
        if (local.isEmpty()) {
            return stores == null ? ProxyMerge.merge(List.of()) : seriesFanout.select(stores, request, tenant);
        }
        List<ChunkSeriesSet> parts = new ArrayList<>(local.size() + 1);
        try {
            if (stores != null) {
                parts.add(seriesFanout.select(stores, request, tenant));
            }
            for (Queryable q : local) {
                parts.add(InProcessChunks.of(q.select(hints, matchers), request.getSkipChunks(),
                        request.getWithoutReplicaLabelsList()));
            }
        } catch (RuntimeException e) {
            for (ChunkSeriesSet part : parts) {
                part.close();
            }
            throw e;
        }
        return ProxyMerge.merge(parts);
    }

    /**
     * Label names ({@code name == null}) or values over the endpoints ({@code null}: none asked) and in-process
     * queryables: sorted byte-wise, distinct, cut to {@code limit} when positive.
     */
    LabelQueryResult labels(String name, List<StoreEndpoint> stores, List<Queryable> local, long start, long end,
                            List<LabelMatcher> matchers, long limit, PartialResponseStrategy strategy, String tenant) {
        LabelQueryResult remote = stores == null ? null : name == null
                ? labelFanout.labelNames(stores, start, end, matchers, limit, strategy, tenant)
                : labelFanout.labelValues(stores, name, start, end, matchers, limit, strategy, tenant);
        if (local.isEmpty()) {
            return remote != null ? remote : new LabelQueryResult(List.of(), List.of());
        }
        TreeSet<String> values = new TreeSet<>(Labels::compareUtf8);
        List<String> warnings = new ArrayList<>();
        if (remote != null) {
            values.addAll(remote.values());
            warnings.addAll(remote.warnings());
        }
        for (Queryable q : local) {
            LabelQueryResult r = name == null ? q.labelNames(start, end, matchers) : q.labelValues(name, start, end, matchers);
            values.addAll(r.values());
            warnings.addAll(r.warnings());
        }
        List<String> out = new ArrayList<>(values);
        return new LabelQueryResult(limit > 0 && out.size() > limit ? out.subList(0, (int) limit) : out, warnings);
    }

    @Override
    public ChunkSeriesSet series(SeriesRequest request, String tenant) {
        List<LabelMatcher> matchers = new ArrayList<>(request.getMatchersCount());
        for (int i = 0; i < request.getMatchersCount(); i++) {
            matchers.add(MatcherConverter.fromThanos(request.getMatchers(i)));
        }
        SelectHints hints = new SelectHints(request.getMinTime(), request.getMaxTime(), 0, 0,
                request.getSkipChunks() ? "series" : "", List.of(), false, false);
        return chunks(askedEndpoints(), inProcess, request, hints, matchers, tenant);
    }

    @Override
    public LabelQueryResult labelNames(long start, long end, List<LabelMatcher> matchers, long limit,
                                       PartialResponseStrategy strategy, String tenant) {
        return labels(null, askedEndpoints(), inProcess, start, end, matchers, limit, strategy, tenant);
    }

    @Override
    public LabelQueryResult labelValues(String name, long start, long end, List<LabelMatcher> matchers, long limit,
                                        PartialResponseStrategy strategy, String tenant) {
        return labels(name, askedEndpoints(), inProcess, start, end, matchers, limit, strategy, tenant);
    }

    @Override
    public List<StoreInfo> stores() {
        List<StoreInfo> out = new ArrayList<>();
        for (StoreEndpoint e : endpoints.storeEndpoints()) {
            out.add(e.info());
        }
        if (!inProcess.isEmpty()) {
            out.add(IN_PROCESS);
        }
        return out;
    }

    private List<StoreEndpoint> askedEndpoints() {
        return askEndpoints ? endpoints.storeEndpoints() : null;
    }

    /** Every endpoint known, healthy or not. */
    public List<EndpointStatus> endpointStatuses() {
        return endpoints.statuses();
    }

    /** True once the endpoints were resolved and asked once, until closed. */
    public boolean ready() {
        return ready.get();
    }

    /** Stops discovery, shuts every channel and the layer's threads down. */
    @Override
    public void close() {
        ready.set(false);
        // A refresh still running could re-open channels after the set closed them, so it ends first.
        scheduler.shutdownNow();
        infoExecutor.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            infoExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endpoints.close();
    }
}
