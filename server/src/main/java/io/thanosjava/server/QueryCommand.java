package io.thanosjava.server;

import io.thanosjava.server.cli.Durations;
import io.thanosjava.server.logging.LoggingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thanos-java query}: the querier, with {@code thanos query}'s flags. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Query node exposing the Prometheus HTTP API over every StoreAPI endpoint (sidecars, store gateways,",
            "other queriers), with replica deduplication. With no endpoint at all it serves built-in demo data."})
public final class QueryCommand implements Callable<Integer> {
    @Option(names = "--http-address", defaultValue = "0.0.0.0:9090", paramLabel = "host:port",
            description = "Listen address of the HTTP API, metrics and probes (default ${DEFAULT-VALUE}; Thanos' own default is 0.0.0.0:10902).")
    String httpAddress;

    @Option(names = "--grpc-address", defaultValue = "0.0.0.0:10901", paramLabel = "host:port",
            description = "Listen address of this querier's own StoreAPI (Store and Info over its endpoints), for stacked queriers (default ${DEFAULT-VALUE}).")
    String grpcAddress;

    @Option(names = {"--endpoint", "--store"}, paramLabel = "address",
            description = "StoreAPI endpoint to query: host:port, dns+host:port (A/AAAA) or dnssrv+_grpc._tcp.name (SRV). Repeatable. --store is the v0.37 alias.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = {"--endpoint-strict", "--store-strict"}, paramLabel = "host:port",
            description = "Static endpoint that is always kept, reported unhealthy when down. Repeatable.")
    List<String> strictEndpoints = new ArrayList<>();

    @Option(names = "--store.sd-files", paramLabel = "path",
            description = "File-discovery files (YAML or JSON target lists) with endpoint addresses; reloaded when they change. Repeatable.")
    List<String> sdFiles = new ArrayList<>();

    @Option(names = "--store.sd-interval", defaultValue = "5m", converter = Durations.Model.class,
            description = "Refresh interval of the file-discovery files (default ${DEFAULT-VALUE}).")
    Duration sdInterval;

    @Option(names = "--store.sd-dns-interval", defaultValue = "30s", converter = Durations.Model.class,
            description = "Re-resolution interval of dns+ and dnssrv+ endpoints (default ${DEFAULT-VALUE}).")
    Duration dnsInterval;

    @Option(names = "--store.response-timeout", defaultValue = "0ms", converter = Durations.Model.class,
            description = "Longest wait for the next frame of one store's Series stream; 0 disables (default ${DEFAULT-VALUE}).")
    Duration storeResponseTimeout;

    @Option(names = "--store.label-cache-ttl", defaultValue = "0s", converter = Durations.Model.class,
            description = "How long each endpoint's label names/values answers are reused; 0 disables, so that labels"
                    + " are always fresh as in Thanos (default ${DEFAULT-VALUE}).")
    Duration labelCacheTtl;

    @Option(names = "--store.limits.request-series", defaultValue = "0",
            description = "Most series one Series request may return; 0 = no limit (default ${DEFAULT-VALUE}).")
    long requestSeriesLimit;

    @Option(names = "--store.limits.request-samples", defaultValue = "0",
            description = "Most samples (chunks x 120) one Series request may return; 0 = no limit (default ${DEFAULT-VALUE}).")
    long requestSamplesLimit;

    @Option(names = "--query.replica-label", paramLabel = "label", split = ",",
            description = "Label that tells HA replicas apart, deduplicated at query time. Repeatable, or comma-separated.")
    List<String> replicaLabels = new ArrayList<>();

    @Option(names = "--deduplication.func", defaultValue = "penalty",
            description = "Replica deduplication algorithm: penalty (follow one replica, switch across gaps) or chain (union of samples) (default ${DEFAULT-VALUE}).")
    DedupFunc dedupFunc;

    @Option(names = "--query.timeout", defaultValue = "2m", converter = Durations.Model.class,
            description = "Longest time a query may run (default ${DEFAULT-VALUE}).")
    Duration queryTimeout;

    @Option(names = "--query.max-concurrent", defaultValue = "20",
            description = "Queries evaluated at once; others wait in a bounded queue (default ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(names = "--query.max-queued", defaultValue = "100",
            description = "Requests that may wait for a query slot before the server answers 503 (default ${DEFAULT-VALUE}).")
    int maxQueued;

    @Option(names = "--query.max-concurrent-select", defaultValue = "4",
            description = "Concurrent Series fan-outs per query (default ${DEFAULT-VALUE}).")
    int maxConcurrentSelect;

    @Option(names = "--query.max-samples", defaultValue = "50000000",
            description = "Most samples a single query may hold in memory (default ${DEFAULT-VALUE}).")
    long maxSamples;

    @Option(names = "--query.lookback-delta", converter = Durations.Go.class,
            description = "How far back an instant selector looks for a sample (Go duration; default 5m).")
    Duration lookbackDelta;

    @Option(names = "--query.default-evaluation-interval", defaultValue = "1m", converter = Durations.Model.class,
            description = "Subquery step when none is given (default ${DEFAULT-VALUE}).")
    Duration defaultEvaluationInterval;

    @Option(names = "--query.default-step", defaultValue = "1s", converter = Durations.Model.class,
            description = "Range-query step when the request has none: max(range/250, this) (default ${DEFAULT-VALUE}).")
    Duration defaultStep;

    @Option(names = "--query.partial-response", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Answer with the data of the healthy stores plus a warning when some fail (WARN); --no-query.partial-response aborts instead (default ${DEFAULT-VALUE}).")
    boolean partialResponse;

    @Option(names = "--query.promql-engine", defaultValue = "prometheus",
            description = "Default engine name accepted from requests: prometheus or thanos; both run this engine (default ${DEFAULT-VALUE}).")
    String promqlEngine;

    @Option(names = "--enable-feature", split = ",", paramLabel = "feature",
            description = "Comma-separated features: promql-experimental-functions; promql-at-modifier and promql-negative-offset are always on.")
    List<String> features = new ArrayList<>();

    @Option(names = "--web.route-prefix", defaultValue = "",
            description = "Path prefix of the HTTP API (default: the external prefix).")
    String routePrefix;

    @Option(names = "--web.external-prefix", defaultValue = "",
            description = "Prefix under which the querier is reachable behind a reverse proxy.")
    String externalPrefix;

    @Option(names = "--web.disable-cors", description = "Do not send CORS headers.")
    boolean disableCors;

    @Option(names = "--http.max-body-bytes", defaultValue = "1048576",
            description = "Largest accepted request body in bytes (default ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--http-grace-period", defaultValue = "2m", converter = Durations.Model.class,
            description = "How long shutdown waits for queries in flight (default ${DEFAULT-VALUE}).")
    Duration gracePeriod;

    @Option(names = "--grpc-compression", defaultValue = "none",
            description = "Compression of requests to endpoints: none or snappy (default ${DEFAULT-VALUE}).")
    Compression grpcCompression;

    @Option(names = "--grpc-client-tls-secure", description = "Use TLS towards endpoints.")
    boolean tlsSecure;

    @Option(names = "--grpc-client-tls-skip-verify", description = "Do not verify the endpoints' certificates.")
    boolean tlsSkipVerify;

    @Option(names = "--grpc-client-tls-cert", defaultValue = "", description = "Client certificate (PEM) for endpoints.")
    String tlsCert;

    @Option(names = "--grpc-client-tls-key", defaultValue = "", description = "Client private key (PEM) for endpoints.")
    String tlsKey;

    @Option(names = "--grpc-client-tls-ca", defaultValue = "", description = "CA bundle (PEM) that signs the endpoints' certificates.")
    String tlsCa;

    @Option(names = "--grpc-client-server-name", defaultValue = "", description = "Server name expected in the endpoints' certificates.")
    String tlsServerName;

    @CommandLine.Mixin
    LoggingOptions logging = new LoggingOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    enum DedupFunc { penalty, chain }

    enum Compression { none, snappy }

    @Override
    public Integer call() throws Exception {
        validate();
        logging.apply();
        try (QueryServer server = QueryServer.start(this)) {
            server.awaitShutdown();
        }
        return 0;
    }

    private void validate() {
        ListenAddresses.parse(spec, httpAddress, "--http-address");
        ListenAddresses.parse(spec, grpcAddress, "--grpc-address");
        for (String f : features) {
            if (!List.of("promql-experimental-functions", "promql-at-modifier", "promql-negative-offset", "query-pushdown").contains(f)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown feature for --enable-feature: " + f);
            }
        }
        if (!List.of("prometheus", "thanos").contains(promqlEngine)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--query.promql-engine must be prometheus or thanos, got " + promqlEngine);
        }
        if (maxConcurrent < 1 || maxQueued < 0 || maxSamples < 1 || maxBodyBytes < 1 || maxConcurrentSelect < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--query.max-concurrent, --query.max-concurrent-select, --query.max-samples and --http.max-body-bytes must be positive");
        }
        if (queryTimeout.isZero() || queryTimeout.isNegative()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--query.timeout must be positive");
        }
    }

    boolean experimentalFunctions() {
        return features.contains("promql-experimental-functions");
    }

    /** Flag values as {@code /api/v1/status/flags} reports them. */
    Map<String, String> flagValues() {
        Map<String, String> m = new LinkedHashMap<>();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            Object v = o.getValue();
            String name = o.longestName().replaceFirst("^--", "");
            m.put(name, v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                    : v instanceof Duration d ? d.toMillis() + "ms" : String.valueOf(v));
        }
        return m;
    }
}
