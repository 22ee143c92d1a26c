package io.thanosjava.server;

import com.sun.net.httpserver.HttpServer;
import io.thanosjava.server.cli.Durations;
import io.thanosjava.server.logging.LoggingOptions;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.sidecar.PrometheusException;
import io.thanosjava.stores.sidecar.PrometheusSidecar;
import io.thanosjava.stores.sidecar.SidecarOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code thanos-java sidecar}: the StoreAPI in front of one Prometheus server, as {@code thanos
 * sidecar} (without block upload). The external labels come from Prometheus' configuration; the
 * command refuses to serve a Prometheus without them unless
 * {@code --prometheus.allow-empty-external-labels} is given. {@code --http-address}, when given,
 * serves {@code /metrics}, {@code /-/healthy} and {@code /-/ready} (ready while Prometheus answers).
 */
@Command(name = "sidecar", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves a Prometheus server's data over the Thanos StoreAPI (remote read, chunks passed through).")
public final class SidecarCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SidecarCommand.class);
    private static final String COMPONENT_SIDECAR = "sidecar";

    @Option(names = "--prometheus.url", defaultValue = "http://localhost:9090", paramLabel = "url",
            description = "URL of the Prometheus server (default ${DEFAULT-VALUE}).")
    URI prometheusUrl;

    @Option(names = "--grpc-address", defaultValue = "0.0.0.0:10901", paramLabel = "host:port",
            description = "Listen address of the StoreAPI gRPC server (default ${DEFAULT-VALUE}).")
    String grpcAddress;

    @Option(names = "--http-address", paramLabel = "host:port",
            description = "Listen address for /metrics, /-/healthy and /-/ready; no HTTP listener when absent.")
    String httpAddress;

    @Option(names = "--prometheus.allow-empty-external-labels",
            description = "Serve a Prometheus whose configuration has no external labels (refused by default: they"
                    + " identify this Prometheus' data among all stores).")
    boolean allowEmptyExternalLabels;

    @Option(names = "--prometheus.request-timeout", defaultValue = "2m", paramLabel = "duration",
            converter = Durations.Model.class,
            description = "Limit of one call to Prometheus, remote-read body included (default ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--prometheus.ready_timeout", defaultValue = "10m", paramLabel = "duration",
            converter = Durations.Model.class,
            description = "How long to wait for Prometheus at startup (default ${DEFAULT-VALUE}).")
    Duration readyTimeout;

    @CommandLine.Mixin
    LoggingOptions logging = new LoggingOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        try (RunningSidecar sidecar = start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(sidecar::close, "sidecar-shutdown"));
            sidecar.awaitTermination();
            return 0;
        } catch (IOException | PrometheusException | IllegalStateException e) {
            spec.commandLine().getErr().println("sidecar: refusing to serve: " + e.getMessage());
            return 1;
        }
    }

    /** Connects to Prometheus and starts serving; the caller closes the result. */
    public RunningSidecar start() throws IOException {
        SidecarOptions options;
        try {
            options = SidecarOptions.defaults(prometheusUrl)
                    .withRequestTimeout(requestTimeout)
                    .withStartupTimeout(readyTimeout)
                    .withAllowEmptyExternalLabels(allowEmptyExternalLabels);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        InetSocketAddress grpc = ListenAddresses.parse(spec, grpcAddress, "--grpc-address");
        HttpServer http = httpAddress == null ? null : HttpServer.create(ListenAddresses.parse(spec, httpAddress, "--http-address"), 0);
        RunningSidecar running = new RunningSidecar(http);
        try {
            PrometheusSidecar backend = PrometheusSidecar.connect(options);
            running.backend = backend;
            StoreServer server = StoreServer.start(grpc, backend, backend.externalLabels(), COMPONENT_SIDECAR);
            running.serving(server);
            LOG.info("serving StoreAPI for Prometheus prometheus={} grpc={}:{} http={} external_labels={} min_time={}",
                    prometheusUrl, grpc.getHostString(), server.port(),
                    running.httpDescription(),
                    backend.externalLabels(), backend.minTime());
            return running;
        } catch (IOException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /** A running sidecar: the Prometheus connection, the gRPC server and the optional HTTP probes. */
    public static final class RunningSidecar extends ServingStoreApi {
        private volatile PrometheusSidecar backend;

        RunningSidecar(HttpServer http) {
            super(http);
            startProbes();
        }

        /** Whether gRPC is serving and the last call to Prometheus succeeded. */
        public boolean isReady() {
            PrometheusSidecar b = backend;
            return grpcServer() != null && b != null && b.isReady();
        }

        @Override
        void closeBackend() {
            PrometheusSidecar b = backend;
            if (b != null) {
                b.close();
            }
        }

        @Override
        String notReadyReason() {
            if (isReady()) {
                return null;
            }
            PrometheusSidecar b = backend;
            return "NOT OK: " + (b == null ? "connecting to Prometheus" : String.valueOf(b.lastError()));
        }

        @Override
        String metrics() {
            StringBuilder out = new StringBuilder();
            StoreServer server = grpcServer();
            if (server != null) {
                server.metrics().appendTo(out);
            }
            ProbeHttp.gauge(out, "thanosjava_sidecar_prometheus_up", "Whether the last call to Prometheus succeeded.",
                    isReady() ? 1 : 0);
            return out.toString();
        }
    }
}
