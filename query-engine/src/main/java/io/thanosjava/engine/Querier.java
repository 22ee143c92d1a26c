package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.engine.querier.AsyncQueries;
import io.thanosjava.engine.querier.MetadataQueries;
import io.thanosjava.engine.querier.ParseCaches;
import io.thanosjava.engine.querier.QuerierConfig;
import io.thanosjava.engine.querier.RequestScope;
import io.thanosjava.engine.querier.StoreLayer;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.store.ClientTlsOptions;
import io.thanosjava.engine.store.ClientTransportOptions;
import io.thanosjava.engine.store.EndpointStatus;
import io.thanosjava.engine.store.PartialResponseStrategy;
import io.thanosjava.engine.store.QuerySettings;
import io.thanosjava.engine.store.proxy.QuerierGrpcServer;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.promql.ParseException;
import io.thanosjava.promql.ast.Expr;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/**
 * A Thanos querier in-process: fan-out to StoreAPI endpoints and/or in-process {@link Queryable}s, replica
 * deduplication and PromQL, with Prometheus' and Thanos' semantics. Build one with {@link #builder()}; it is
 * thread-safe and meant to live as long as the application. {@link #close()} stops endpoint discovery, closes
 * the endpoints' channels and shuts down the threads it owns.
 *
 * <p>Parse failures throw {@link ParseException}; evaluation failures throw {@link QueryException}, whose
 * {@link QueryException#type()} says which kind (bad data, timeout, cancelled, a failed store under
 * {@link PartialResponse#ABORT}, ...). The asynchronous variants complete exceptionally with the same
 * exceptions, and cancelling their future cancels the query and its store calls.
 */
public final class Querier implements AutoCloseable {
    private final QuerierConfig config;
    private final QueryEngine engine;
    private final ParseCaches parsing;
    private final StoreLayer stores;
    private final AsyncQueries async;
    private final List<QuerierGrpcServer> servers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Querier(QuerierConfig config) {
        this.config = config;
        this.engine = new QueryEngine(config.engineOptions());
        this.parsing = new ParseCaches(config);
        this.async = new AsyncQueries(config.executor());
        StoreLayer layer;
        try {
            layer = StoreLayer.start(config);
        } catch (RuntimeException e) {
            async.close();
            throw e;
        }
        this.stores = layer;
    }

    /** A builder with Thanos' defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Evaluates {@code expr} at {@code timeMillis} with the default request options. */
    public QueryResult instantQuery(String expr, long timeMillis) {
        return instantQuery(InstantQuery.of(expr, timeMillis));
    }

    /**
     * Evaluates an instant query.
     *
     * @throws ParseException when the expression or a store matcher does not parse
     * @throws QueryException when evaluation fails
     */
    public QueryResult instantQuery(InstantQuery query) {
        requireNonNull(query, "query is null");
        RequestOptions o = query.options();
        Expr expr = parsing.expression(query.expr());
        CancelHandle cancel = cancelOf(o);
        return cancel.runInterruptibly(() -> engine.instantQuery(stores.queryable(scope(o, o.dedup())), expr,
                query.timeMillis(), engineOptions(o), cancel));
    }

    /** {@link #instantQuery(InstantQuery)} on the querier's executor. */
    public CompletableFuture<QueryResult> instantQueryAsync(InstantQuery query) {
        requireNonNull(query, "query is null");
        CancelHandle cancel = cancelOf(query.options());
        return async.submit(cancel, () -> instantQuery(query.withOptions(query.options().withCancel(cancel))));
    }

    /** Evaluates {@code expr} over {@code [startMillis, endMillis]} every {@code stepMillis} with the default request options. */
    public QueryResult rangeQuery(String expr, long startMillis, long endMillis, long stepMillis) {
        return rangeQuery(RangeQuery.of(expr, startMillis, endMillis, stepMillis));
    }

    /**
     * Evaluates a range query.
     *
     * @throws ParseException when the expression or a store matcher does not parse
     * @throws QueryException when evaluation fails, or for a bad range (non-positive step, end before start,
     *     an expression that is not a scalar or instant vector)
     */
    public QueryResult rangeQuery(RangeQuery query) {
        requireNonNull(query, "query is null");
        RequestOptions o = query.options();
        Expr expr = parsing.expression(query.expr());
        CancelHandle cancel = cancelOf(o);
        return cancel.runInterruptibly(() -> engine.rangeQuery(stores.queryable(scope(o, o.dedup())), expr,
                query.startMillis(), query.endMillis(), query.stepMillis(), engineOptions(o), cancel));
    }

    /** {@link #rangeQuery(RangeQuery)} on the querier's executor. */
    public CompletableFuture<QueryResult> rangeQueryAsync(RangeQuery query) {
        requireNonNull(query, "query is null");
        CancelHandle cancel = cancelOf(query.options());
        return async.submit(cancel, () -> rangeQuery(query.withOptions(query.options().withCancel(cancel))));
    }

    /**
     * The distinct series matching any of the query's selectors.
     *
     * @throws ParseException when a selector does not parse
     * @throws QueryException {@code bad_data} without selectors; {@code execution} when a store fails under
     *     {@link PartialResponse#ABORT}
     */
    public SeriesResult series(SeriesQuery query) {
        requireNonNull(query, "query is null");
        if (query.matchers().isEmpty()) {
            throw new QueryException(QueryException.Type.BAD_DATA, "no match[] parameter provided");
        }
        List<List<LabelMatcher>> selectors = selectors(query.matchers());
        return cancelOf(query.options()).runInterruptibly(() -> MetadataQueries.series(
                stores.queryable(scope(query.options(), query.options().dedup())), selectors, query.startMillis(),
                query.endMillis(), query.limit()));
    }

    /** {@link #series(SeriesQuery)} on the querier's executor. */
    public CompletableFuture<SeriesResult> seriesAsync(SeriesQuery query) {
        requireNonNull(query, "query is null");
        CancelHandle cancel = cancelOf(query.options());
        return async.submit(cancel, () -> series(query.withOptions(query.options().withCancel(cancel))));
    }

    /**
     * The distinct label names of the series matching the query.
     *
     * @throws ParseException when a selector does not parse
     * @throws QueryException {@code execution} when a store fails under {@link PartialResponse#ABORT}
     */
    public LabelsResult labelNames(LabelsQuery query) {
        requireNonNull(query, "query is null");
        List<List<LabelMatcher>> selectors = selectors(query.matchers());
        return cancelOf(query.options()).runInterruptibly(() -> MetadataQueries.labels(
                stores.queryable(scope(query.options(), false)), null, selectors, query.startMillis(), query.endMillis(),
                query.limit()));
    }

    /** {@link #labelNames(LabelsQuery)} on the querier's executor. */
    public CompletableFuture<LabelsResult> labelNamesAsync(LabelsQuery query) {
        requireNonNull(query, "query is null");
        CancelHandle cancel = cancelOf(query.options());
        return async.submit(cancel, () -> labelNames(query.withOptions(query.options().withCancel(cancel))));
    }

    /**
     * The distinct values of label {@code labelName} among the series matching the query.
     *
     * @throws ParseException when a selector does not parse
     * @throws QueryException {@code bad_data} for an empty or invalid label name; {@code execution} when a store
     *     fails under {@link PartialResponse#ABORT}
     */
    public LabelsResult labelValues(String labelName, LabelsQuery query) {
        requireNonNull(labelName, "labelName is null");
        requireNonNull(query, "query is null");
        MetadataQueries.checkLabelName(labelName);
        List<List<LabelMatcher>> selectors = selectors(query.matchers());
        return cancelOf(query.options()).runInterruptibly(() -> MetadataQueries.labels(
                stores.queryable(scope(query.options(), false)), labelName, selectors, query.startMillis(),
                query.endMillis(), query.limit()));
    }

    /** {@link #labelValues(String, LabelsQuery)} on the querier's executor. */
    public CompletableFuture<LabelsResult> labelValuesAsync(String labelName, LabelsQuery query) {
        requireNonNull(labelName, "labelName is null");
        requireNonNull(query, "query is null");
        CancelHandle cancel = cancelOf(query.options());
        return async.submit(cancel, () -> labelValues(labelName, query.withOptions(query.options().withCancel(cancel))));
    }

    /** Every endpoint currently known, healthy or not, in discovery order; empty without endpoints. */
    public List<EndpointState> endpoints() {
        List<EndpointState> out = new ArrayList<>();
        for (EndpointStatus s : stores.endpointStatuses()) {
            out.add(new EndpointState(s.address(), s.strict(), s.healthy(), s.info().componentType(), s.info().labelSets(),
                    s.info().minTime(), s.info().maxTime(), s.lastCheck(), s.lastError()));
        }
        return out;
    }

    /** True once every endpoint has been resolved and asked {@code Info} once, until {@link #close()}. */
    public boolean ready() {
        return stores.ready();
    }

    /**
     * Serves this querier's merged view (every endpoint and in-process queryable, equal series merged, no
     * penalty deduplication) as a StoreAPI ({@code thanos.Store} and {@code thanos.info.Info}), for stacked
     * queriers and rulers. The server is closed with this querier.
     *
     * @throws IOException when the address cannot be bound
     */
    public StoreApiServer serveStoreApi(InetSocketAddress address) throws IOException {
        requireNonNull(address, "address is null");
        if (closed) {
            throw new IllegalStateException("querier is closed");
        }
        QuerierGrpcServer server = QuerierGrpcServer.start(address, stores);
        servers.add(server);
        return new StoreApiServer() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void close() {
                servers.remove(server);
                server.close();
            }
        };
    }

    /** The engine options requests start from (built from the builder's timeouts, limits and lookback). */
    public QueryOptions engineOptions() {
        return config.engineOptions();
    }

    /**
     * Stops serving, stops endpoint discovery, closes the endpoints' channels and shuts down owned threads.
     * Queries started afterwards fail with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        closed = true;
        for (QuerierGrpcServer server : servers) {
            server.close();
        }
        servers.clear();
        stores.close();
        async.close();
    }

    private RequestScope scope(RequestOptions o, boolean dedup) {
        if (closed) {
            throw new IllegalStateException("querier is closed");
        }
        List<String> replicaLabels = o.replicaLabels().isEmpty() ? config.replicaLabels() : o.replicaLabels();
        PartialResponseStrategy strategy = o.partialResponse() == null ? config.partialResponse()
                : o.partialResponse() == PartialResponse.WARN ? PartialResponseStrategy.WARN : PartialResponseStrategy.ABORT;
        QuerySettings settings = new QuerySettings(strategy, dedup, replicaLabels, config.dedupAlgorithm(),
                QuerySettings.DEFAULT_TENANT);
        return new RequestScope(settings, selectors(o.storeMatchers()));
    }

    private List<List<LabelMatcher>> selectors(List<String> texts) {
        List<List<LabelMatcher>> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(parsing.selector(text));
        }
        return out;
    }

    private QueryOptions engineOptions(RequestOptions o) {
        QueryOptions options = config.engineOptions();
        if (o.timeout() != null && o.timeout().compareTo(options.timeout()) < 0) {
            options = options.withTimeout(o.timeout());
        }
        if (o.lookbackDeltaMillis() > 0) {
            options = options.withLookbackDelta(o.lookbackDeltaMillis());
        }
        return options;
    }

    private static CancelHandle cancelOf(RequestOptions o) {
        return o.cancel() != null ? o.cancel() : new CancelHandle();
    }

    /**
     * Configures a {@link Querier}. Defaults are Thanos': no endpoints, no replica labels, penalty
     * deduplication, partial response on (WARN), 2 minute query timeout, no store response timeout, no
     * request limits, 50,000,000 samples, 5 minute lookback, 1 minute default subquery step, plaintext
     * uncompressed gRPC, no metrics, an owned executor for the asynchronous calls.
     */
    public static final class Builder {
        private final List<String> endpoints = new ArrayList<>();
        private final List<String> strictEndpoints = new ArrayList<>();
        private final List<String> endpointFiles = new ArrayList<>();
        private Duration endpointFilesInterval = Duration.ofMinutes(5);
        private Duration dnsInterval = Duration.ofSeconds(30);
        private Duration endpointInfoInterval = Duration.ofSeconds(5);
        private Duration endpointInfoTimeout = Duration.ofSeconds(5);
        private Duration unhealthyEndpointTimeout = Duration.ofMinutes(5);
        private final List<Queryable> queryables = new ArrayList<>();
        private List<String> replicaLabels = List.of();
        private DedupFunction dedupFunction = DedupFunction.PENALTY;
        private PartialResponse partialResponse = PartialResponse.WARN;
        private Duration storeResponseTimeout = Duration.ZERO;
        private long requestSeriesLimit;
        private long requestSamplesLimit;
        private QueryOptions engineOptions = QueryOptions.DEFAULT;
        private GrpcCompression grpcCompression = GrpcCompression.NONE;
        private ClientTls clientTls = ClientTls.DISABLED;
        private MeterRegistry meterRegistry;
        private ExecutorService executor;
        private long queryCacheSize = 1_000;
        private long matcherCacheSize = 1_000;
        private Duration labelCacheTtl = Duration.ofSeconds(30);
        private long labelCacheSize = 10_000;
        private LongSupplier ticker = System::nanoTime;

        private Builder() {
        }

        /** Adds StoreAPI endpoints as {@code --endpoint} takes them: {@code host:port}, {@code dns+host:port}, {@code dnssrv+_grpc._tcp.name}. */
        public Builder endpoints(List<String> addresses) {
            endpoints.addAll(List.copyOf(addresses));
            return this;
        }

        /** Adds endpoints that are always queried, healthy or not ({@code --endpoint-strict}, {@code host:port} only). */
        public Builder strictEndpoints(List<String> addresses) {
            strictEndpoints.addAll(List.copyOf(addresses));
            return this;
        }

        /** Adds file service-discovery files (glob patterns) listing endpoints ({@code --store.sd-files}). */
        public Builder endpointFiles(List<Path> files) {
            for (Path file : files) {
                endpointFiles.add(file.toString());
            }
            return this;
        }

        /** How often the endpoint files are re-read ({@code --store.sd-interval}, default 5m). */
        public Builder endpointFilesInterval(Duration interval) {
            endpointFilesInterval = positive(interval, "endpointFilesInterval");
            return this;
        }

        /** How often DNS endpoint names are re-resolved ({@code --store.sd-dns-interval}, default 30s). */
        public Builder dnsInterval(Duration interval) {
            dnsInterval = positive(interval, "dnsInterval");
            return this;
        }

        /** How often endpoints are asked {@code Info} (default 5s). */
        public Builder endpointInfoInterval(Duration interval) {
            endpointInfoInterval = positive(interval, "endpointInfoInterval");
            return this;
        }

        /** Deadline of one {@code Info} call ({@code --endpoint.info-timeout}, default 5s). */
        public Builder endpointInfoTimeout(Duration timeout) {
            endpointInfoTimeout = positive(timeout, "endpointInfoTimeout");
            return this;
        }

        /** How long an unhealthy endpoint is kept before it is dropped ({@code --store.unhealthy-timeout}, default 5m). */
        public Builder unhealthyEndpointTimeout(Duration timeout) {
            unhealthyEndpointTimeout = positive(timeout, "unhealthyEndpointTimeout");
            return this;
        }

        /** Adds an in-process store; its series are merged with the endpoints' (and deduplicated with them). */
        public Builder queryable(Queryable queryable) {
            queryables.add(requireNonNull(queryable, "queryable is null"));
            return this;
        }

        /** Labels that tell replicas apart ({@code --query.replica-label}); deduplication needs at least one. */
        public Builder replicaLabels(List<String> labels) {
            replicaLabels = List.copyOf(labels);
            return this;
        }

        /** How replicas are merged ({@code --deduplication.func}, default penalty). */
        public Builder dedupFunction(DedupFunction function) {
            dedupFunction = requireNonNull(function, "function is null");
            return this;
        }

        /** What a failing store becomes by default ({@code --query.partial-response}, default WARN). */
        public Builder partialResponse(PartialResponse strategy) {
            partialResponse = requireNonNull(strategy, "strategy is null");
            return this;
        }

        /** Evaluation timeout, also the deadline of store calls ({@code --query.timeout}, default 2m). */
        public Builder queryTimeout(Duration timeout) {
            engineOptions = engineOptions.withTimeout(positive(timeout, "queryTimeout"));
            return this;
        }

        /** A store sending nothing for this long is given up on ({@code --store.response-timeout}); zero disables (default). */
        public Builder storeResponseTimeout(Duration timeout) {
            requireNonNull(timeout, "timeout is null");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("storeResponseTimeout must not be negative, got " + timeout);
            }
            storeResponseTimeout = timeout;
            return this;
        }

        /** Most samples a query may hold ({@code --query.max-samples}, default 50,000,000). */
        public Builder maxSamples(long samples) {
            engineOptions = engineOptions.withMaxSamples(samples);
            return this;
        }

        /** Most series one select may return from the endpoints ({@code --store.limits.request-series}); 0 = none. */
        public Builder requestSeriesLimit(long series) {
            requestSeriesLimit = nonNegative(series, "requestSeriesLimit");
            return this;
        }

        /** Most samples one select may return from the endpoints ({@code --store.limits.request-samples}); 0 = none. */
        public Builder requestSamplesLimit(long samples) {
            requestSamplesLimit = nonNegative(samples, "requestSamplesLimit");
            return this;
        }

        /** How far back instant selectors look ({@code --query.lookback-delta}, default 5m). */
        public Builder lookbackDelta(Duration delta) {
            engineOptions = engineOptions.withLookbackDelta(positive(delta, "lookbackDelta").toMillis());
            return this;
        }

        /** Step of subqueries written without one ({@code --query.default-evaluation-interval}, default 1m). */
        public Builder defaultSubqueryStep(Duration step) {
            engineOptions = engineOptions.withDefaultSubqueryStep(positive(step, "defaultSubqueryStep").toMillis());
            return this;
        }

        /** Whether experimental PromQL functions parse and run ({@code --enable-feature=promql-experimental-functions}). */
        public Builder experimentalFunctions(boolean enabled) {
            engineOptions = engineOptions.withExperimentalFunctions(enabled);
            return this;
        }

        /** Compression of calls to endpoints ({@code --grpc-compression}, default none). */
        public Builder grpcCompression(GrpcCompression compression) {
            grpcCompression = requireNonNull(compression, "compression is null");
            return this;
        }

        /** TLS towards endpoints (default plaintext). */
        public Builder clientTls(ClientTls tls) {
            clientTls = requireNonNull(tls, "tls is null");
            return this;
        }

        /**
         * Where per-endpoint gRPC client metrics ({@code grpc_client_started_total}, {@code grpc_client_handled_total},
         * {@code grpc_client_handling_seconds} with an {@code endpoint} tag) and cache metrics ({@code cache_gets}
         * etc. with tag {@code cache}) go; none by default.
         */
        public Builder meterRegistry(MeterRegistry registry) {
            meterRegistry = requireNonNull(registry, "registry is null");
            return this;
        }

        /** Runs the asynchronous calls; not owned, so {@link Querier#close()} does not shut it down. */
        public Builder executor(ExecutorService queryExecutor) {
            executor = requireNonNull(queryExecutor, "queryExecutor is null");
            return this;
        }

        /** Most parsed expressions kept, keyed by text and parser options (default 1,000); 0 disables. */
        public Builder queryCacheSize(long entries) {
            queryCacheSize = nonNegative(entries, "queryCacheSize");
            return this;
        }

        /** Most parsed series selectors kept (default 1,000); 0 disables. */
        public Builder matcherCacheSize(long entries) {
            matcherCacheSize = nonNegative(entries, "matcherCacheSize");
            return this;
        }

        /**
         * How long one endpoint's answer to a label names/values request is reused (default 30s); only complete
         * answers without warnings are kept. {@link Duration#ZERO} disables.
         */
        public Builder labelCacheTtl(Duration ttl) {
            requireNonNull(ttl, "ttl is null");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("labelCacheTtl must not be negative, got " + ttl);
            }
            labelCacheTtl = ttl;
            return this;
        }

        /** Most per-endpoint label answers kept (default 10,000); 0 disables. */
        public Builder labelCacheSize(long entries) {
            labelCacheSize = nonNegative(entries, "labelCacheSize");
            return this;
        }

        /** The clock cache expiry reads, in nanoseconds; for tests. */
        Builder ticker(LongSupplier nanos) {
            ticker = requireNonNull(nanos, "nanos is null");
            return this;
        }

        /**
         * Resolves and asks every endpoint once, then keeps refreshing them in the background.
         *
         * @throws IllegalArgumentException for an endpoint address that cannot be parsed
         */
        public Querier build() {
            ClientTransportOptions transport = new ClientTransportOptions(
                    grpcCompression == GrpcCompression.SNAPPY ? ClientTransportOptions.Compression.SNAPPY
                            : ClientTransportOptions.Compression.NONE,
                    new ClientTlsOptions(clientTls.secure(), clientTls.certFile(), clientTls.keyFile(), clientTls.caFile(),
                            clientTls.serverName(), clientTls.skipVerify()));
            return new Querier(new QuerierConfig(endpoints, strictEndpoints, endpointFiles, endpointFilesInterval,
                    dnsInterval, endpointInfoInterval, endpointInfoTimeout, unhealthyEndpointTimeout, queryables,
                    replicaLabels, dedupFunction == DedupFunction.CHAIN ? DedupAlgorithm.CHAIN : DedupAlgorithm.PENALTY,
                    partialResponse == PartialResponse.WARN ? PartialResponseStrategy.WARN : PartialResponseStrategy.ABORT,
                    storeResponseTimeout, requestSeriesLimit, requestSamplesLimit, engineOptions, transport, meterRegistry,
                    executor, queryCacheSize, matcherCacheSize, labelCacheTtl, labelCacheSize, ticker));
        }

        private static Duration positive(Duration d, String name) {
            requireNonNull(d, name + " is null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        private static long nonNegative(long n, String name) {
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got " + n);
            }
            return n;
        }
    }
}
