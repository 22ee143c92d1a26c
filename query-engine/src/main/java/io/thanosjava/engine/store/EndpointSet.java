package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The endpoints a querier talks to, discovered and health-checked as Thanos' endpoint set does.
 *
 * <p>Addresses come from {@code --endpoint} (static or DNS names, re-resolved every
 * {@code --store.sd-dns-interval}; a failed lookup keeps the previous answer), {@code --endpoint-strict}
 * and {@code --store.sd-files}. Duplicates are merged. Every {@link #refresh()} (scheduled every
 * {@code infoInterval} by {@link #start}) asks each endpoint {@code Info} in parallel, within
 * {@code --endpoint.info-timeout}:
 * <ul>
 * <li>a new endpoint joins only once its first {@code Info} succeeds (a strict one joins at once);</li>
 * <li>a known endpoint whose {@code Info} fails is unhealthy: excluded from queries at once, its last
 *     metadata kept, and dropped when its last success is older than {@code --store.unhealthy-timeout};
 *     it comes back by itself at the next successful {@code Info};</li>
 * <li>strict endpoints are never dropped and always queried, unhealthy or not, so their failures
 *     show as partial-response warnings or errors;</li>
 * <li>an address no longer discovered is dropped and its channel shut down.</li>
 * </ul>
 * Each endpoint has one pooled channel ({@link GrpcChannels}) for all its calls.
 */
public final class EndpointSet implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EndpointSet.class.getName());

    /**
     * @param endpoints {@code --endpoint} values
     * @param strictEndpoints {@code --endpoint-strict} values ({@code host:port} only)
     * @param sdFiles {@code --store.sd-files} patterns
     * @param sdInterval {@code --store.sd-interval}
     * @param dnsInterval {@code --store.sd-dns-interval}
     * @param infoInterval how often endpoints are asked {@code Info}
     * @param infoTimeout {@code --endpoint.info-timeout}
     * @param unhealthyTimeout {@code --store.unhealthy-timeout}
     */
    public record Config(List<String> endpoints, List<String> strictEndpoints, List<String> sdFiles,
                         Duration sdInterval, Duration dnsInterval, Duration infoInterval, Duration infoTimeout,
                         Duration unhealthyTimeout, ClientTransportOptions transport) {
        public Config {
            endpoints = List.copyOf(requireNonNull(endpoints, "endpoints is null"));
            strictEndpoints = List.copyOf(requireNonNull(strictEndpoints, "strictEndpoints is null"));
            sdFiles = List.copyOf(requireNonNull(sdFiles, "sdFiles is null"));
            requireNonNull(sdInterval, "sdInterval is null");
            requireNonNull(dnsInterval, "dnsInterval is null");
            requireNonNull(infoInterval, "infoInterval is null");
            requireNonNull(infoTimeout, "infoTimeout is null");
            requireNonNull(unhealthyTimeout, "unhealthyTimeout is null");
            requireNonNull(transport, "transport is null");
        }

        /** Thanos' defaults for everything but the address lists. */
        public static Config of(List<String> endpoints, List<String> strictEndpoints, List<String> sdFiles) {
            return new Config(endpoints, strictEndpoints, sdFiles, Duration.ofMinutes(5), Duration.ofSeconds(30),
                    Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(5), ClientTransportOptions.plaintext());
        }
    }

    /** One endpoint's channel and health; guarded by the set's lock. */
    private static final class Endpoint {
        final String address;
        final ManagedChannel managed;
        final Channel channel;
        boolean strict;
        StoreInfo info;
        boolean healthy;
        Instant lastCheck = Instant.EPOCH;
        Instant lastSuccess = Instant.EPOCH;
        String lastError = "";

        Endpoint(String address, ManagedChannel managed, Channel channel) {
            this.address = address;
            this.managed = managed;
            this.channel = channel;
        }
    }

    private final Config config;
    private final DnsResolver dns;
    private final Clock clock;
    private final ExecutorService infoExecutor;
    private final List<EndpointSpec> specs = new ArrayList<>();
    private final List<EndpointSpec> strictSpecs = new ArrayList<>();
    private final FileSdTargets files;
    private final Map<EndpointSpec, List<String>> resolved = new HashMap<>();
    private Instant lastDnsResolution = Instant.MIN;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private volatile List<StoreEndpoint> queryable = List.of();
    private ScheduledFuture<?> schedule;
    /** Serialises refreshes; the set's own lock is held only briefly, never across network calls. */
    private final Object refreshLock = new Object();
    private final Function<String, ClientInterceptor> interceptors;
    private static final ClientInterceptor NO_INTERCEPTOR = new ClientInterceptor() {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return next.newCall(method, options);
        }
    };

    /**
     * @param infoExecutor runs the parallel {@code Info} calls; owned by the caller
     * @throws IllegalArgumentException for an endpoint address that cannot be parsed, naming it
     */
    public EndpointSet(Config config, DnsResolver dns, Clock clock, ExecutorService infoExecutor) {
        this(config, dns, clock, infoExecutor, address -> NO_INTERCEPTOR);
    }

    /**
     * @param interceptors the interceptor every call to an endpoint goes through, by address (e.g. to
     *     count calls per store in metrics)
     */
    public EndpointSet(Config config, DnsResolver dns, Clock clock, ExecutorService infoExecutor,
                       Function<String, ClientInterceptor> interceptors) {
        this.interceptors = requireNonNull(interceptors, "interceptors is null");
        this.config = requireNonNull(config, "config is null");
        this.dns = requireNonNull(dns, "dns is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.infoExecutor = requireNonNull(infoExecutor, "infoExecutor is null");
        for (String address : config.endpoints()) {
            specs.add(EndpointSpec.parse(address, false));
        }
        for (String address : config.strictEndpoints()) {
            strictSpecs.add(EndpointSpec.parse(address, true));
        }
        this.files = new FileSdTargets(config.sdFiles(), config.sdInterval(), clock);
    }

    /** Refreshes now and then every {@code infoInterval} on {@code scheduler} until {@link #close()}. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        requireNonNull(scheduler, "scheduler is null");
        if (schedule != null) {
            throw new IllegalStateException("already started");
        }
        long period = config.infoInterval().toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::refreshLogged, 0, period, TimeUnit.MILLISECONDS);
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "endpoint refresh failed", e);
        }
    }

    /** Discovers addresses and asks every endpoint {@code Info}; blocks until all answered or timed out. */
    public void refresh() {
        synchronized (refreshLock) {
            refreshLocked();
        }
    }

    private void refreshLocked() {
        Set<String> strict = new LinkedHashSet<>();
        for (EndpointSpec spec : strictSpecs) {
            strict.add(EndpointSpec.hostPort(spec.host(), spec.port()));
        }
        Set<String> discovered = discover();
        discovered.removeAll(strict);
        Map<String, Endpoint> candidates = new LinkedHashMap<>();
        synchronized (this) {
            for (String address : strict) {
                candidates.put(address, endpointFor(address, true));
            }
            for (String address : discovered) {
                candidates.put(address, endpointFor(address, false));
            }
        }
        Map<String, Future<StoreInfo>> answers = new LinkedHashMap<>();
        for (Endpoint e : candidates.values()) {
            if (!e.healthy) {
                // A recovered endpoint should be seen at this check, not after gRPC's reconnect backoff.
                e.managed.resetConnectBackoff();
            }
            answers.put(e.address, infoExecutor.submit(() -> InfoClient.ask(e.channel, config.infoTimeout())));
        }
        Map<String, Object> outcomes = new HashMap<>(); // StoreInfo or the failure text
        for (Map.Entry<String, Future<StoreInfo>> answer : answers.entrySet()) {
            try {
                outcomes.put(answer.getKey(), answer.getValue().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeUnknown(candidates);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.put(answer.getKey(), String.valueOf(e.getCause().getMessage()));
            }
        }
        synchronized (this) {
            apply(candidates, outcomes);
        }
    }

    /** Shuts the channels of candidates that never joined (a refresh interrupted before applying its answers). */
    private synchronized void closeUnknown(Map<String, Endpoint> candidates) {
        for (Endpoint e : candidates.values()) {
            if (!endpoints.containsKey(e.address)) {
                e.managed.shutdownNow();
            }
        }
    }

    private Set<String> discover() {
        Instant now = clock.instant();
        boolean resolveDns = !now.isBefore(lastDnsResolution.plus(config.dnsInterval()));
        if (resolveDns) {
            lastDnsResolution = now;
        }
        List<EndpointSpec> all = new ArrayList<>(specs);
        for (String target : files.targets()) {
            all.add(EndpointSpec.parse(target, false));
        }
        Set<String> out = new LinkedHashSet<>();
        for (EndpointSpec spec : all) {
            if (spec.kind() == EndpointSpec.Kind.STATIC) {
                out.add(EndpointSpec.hostPort(spec.host(), spec.port()));
                continue;
            }
            List<String> previous = resolved.get(spec);
            if (resolveDns || previous == null) {
                try {
                    previous = dns.resolve(spec);
                    resolved.put(spec, previous);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "DNS lookup of " + spec.kind().prefix() + spec.host()
                            + " failed, keeping the previous answer: " + e.getMessage());
                }
            }
            if (previous != null) {
                out.addAll(previous);
            }
        }
        return out;
    }

    private Endpoint endpointFor(String address, boolean strict) {
        Endpoint e = endpoints.get(address);
        if (e == null) {
            EndpointSpec spec = EndpointSpec.parse(address, false);
            ManagedChannel managed = GrpcChannels.open(spec.host(), spec.port(), config.transport());
            Channel compressed = GrpcChannels.withCompression(managed, config.transport().compression());
            e = new Endpoint(address, managed, ClientInterceptors.intercept(compressed, interceptors.apply(address)));
        }
        e.strict = strict;
        return e;
    }

    private void apply(Map<String, Endpoint> candidates, Map<String, Object> outcomes) {
        Instant now = clock.instant();
        Map<String, Endpoint> next = new LinkedHashMap<>();
        for (Endpoint e : candidates.values()) {
            Object outcome = outcomes.get(e.address);
            boolean known = endpoints.containsKey(e.address);
            e.lastCheck = now;
            if (outcome instanceof StoreInfo info) {
                e.info = info;
                e.healthy = true;
                e.lastSuccess = now;
                e.lastError = "";
                next.put(e.address, e);
                continue;
            }
            e.healthy = false;
            e.lastError = String.valueOf(outcome);
            boolean expired = e.lastSuccess.plus(config.unhealthyTimeout()).isBefore(now);
            if (e.strict || (known && !expired)) {
                next.put(e.address, e);
            } else if (known) {
                LOG.log(System.Logger.Level.INFO, "removing endpoint " + e.address + ": unhealthy for longer than "
                        + config.unhealthyTimeout() + " (" + e.lastError + ")");
            }
        }
        for (Endpoint e : endpoints.values()) {
            if (!next.containsKey(e.address)) {
                e.managed.shutdown();
            }
        }
        for (Endpoint e : candidates.values()) {
            if (!next.containsKey(e.address) && !endpoints.containsKey(e.address)) {
                e.managed.shutdown();
            }
        }
        endpoints.clear();
        endpoints.putAll(next);
        List<StoreEndpoint> stores = new ArrayList<>();
        for (Endpoint e : endpoints.values()) {
            StoreInfo info = e.info != null ? e.info : StoreInfo.unknownStrict();
            if ((e.healthy || e.strict) && info.storeApi()) {
                stores.add(new StoreEndpoint(e.address, e.channel, info));
            }
        }
        queryable = List.copyOf(stores);
    }

    /** The endpoints a query should consider now: healthy StoreAPI endpoints plus every strict one. */
    public List<StoreEndpoint> storeEndpoints() {
        return queryable;
    }

    /** Every endpoint currently known, healthy or not, for {@code /api/v1/stores}. */
    public synchronized List<EndpointStatus> statuses() {
        List<EndpointStatus> out = new ArrayList<>(endpoints.size());
        for (Endpoint e : endpoints.values()) {
            out.add(new EndpointStatus(e.address, e.strict, e.healthy,
                    e.info != null ? e.info : StoreInfo.unknownStrict(), e.lastCheck, e.lastError));
        }
        return out;
    }

    /** Problems reading {@code --store.sd-files}, per file. */
    public Map<java.nio.file.Path, String> fileSdErrors() {
        return files.errors();
    }

    /** Stops refreshing and shuts every channel down, waiting a few seconds for their connections to close. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        for (Endpoint e : endpoints.values()) {
            e.managed.shutdownNow();
        }
        try {
            for (Endpoint e : endpoints.values()) {
                e.managed.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endpoints.clear();
        queryable = List.of();
    }
}
