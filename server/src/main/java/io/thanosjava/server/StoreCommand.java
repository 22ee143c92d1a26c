package io.thanosjava.server;

import com.sun.net.httpserver.HttpServer;
import io.thanosjava.model.Labels;
import io.thanosjava.server.logging.LoggingOptions;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.memory.ExpositionLoader;
import io.thanosjava.stores.memory.InMemoryStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code thanos-java store}: serves OpenMetrics / Prometheus text files (with timestamps) over the
 * StoreAPI from memory. Every file is loaded before the gRPC port opens; a bad file stops the
 * command with its file, line and reason, and nothing is served. {@code --http-address}, when
 * given, serves {@code /metrics}, {@code /-/healthy} and {@code /-/ready} (ready once the data is
 * loaded and the gRPC server runs).
 */
@Command(name = "store", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves exposition files with explicit timestamps over the Thanos StoreAPI (in memory).")
public final class StoreCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCommand.class);

    @Option(names = "--file", required = true, paramLabel = "path",
            description = "OpenMetrics (ends with # EOF; timestamps in seconds) or Prometheus text (timestamps in ms) file. Repeatable.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--grpc-address", defaultValue = "0.0.0.0:10901", paramLabel = "host:port",
            description = "Listen address of the StoreAPI gRPC server (default ${DEFAULT-VALUE}).")
    String grpcAddress;

    @Option(names = "--label", paramLabel = "name=value",
            description = "External label attached to every series, as name=value or name=\"value\". Repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--http-address", paramLabel = "host:port",
            description = "Listen address for /metrics, /-/healthy and /-/ready; no HTTP listener when absent.")
    String httpAddress;

    @CommandLine.Mixin
    LoggingOptions logging = new LoggingOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        try (RunningStore store = start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-shutdown"));
            store.awaitTermination();
            return 0;
        } catch (IOException e) {
            // A bad file (ExpositionFormatException names file, line and reason), a missing file, a busy port.
            spec.commandLine().getErr().println("store: refusing to serve: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Loads the files and starts serving; the caller closes the result.
     *
     * @throws io.thanosjava.stores.memory.ExpositionFormatException for a bad file (nothing is served)
     */
    public RunningStore start() throws IOException {
        Labels external = externalLabels();
        InetSocketAddress grpc = ListenAddresses.parse(spec, grpcAddress, "--grpc-address");
        HttpServer http = httpAddress == null ? null : HttpServer.create(ListenAddresses.parse(spec, httpAddress, "--http-address"), 0);
        RunningStore running = new RunningStore(http);
        try {
            long started = System.nanoTime();
            InMemoryStore data = ExpositionLoader.load(files);
            StoreServer server = StoreServer.start(grpc, data, external, InfoService.COMPONENT_STORE);
            running.serve(server, data);
            LOG.info("serving StoreAPI grpc={}:{} http={} files={} series={} samples={} chunks={} chunk_bytes={} "
                            + "min_time={} max_time={} external_labels={} load_seconds={}",
                    grpc.getHostString(), server.port(), running.httpDescription(), files.size(), data.seriesCount(),
                    data.sampleCount(), data.chunkCount(), data.chunkBytes(), data.minTime(), data.maxTime(),
                    external, String.format("%.3f", (System.nanoTime() - started) / 1e9));
            return running;
        } catch (IOException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private Labels externalLabels() {
        Labels.Builder b = Labels.builder();
        for (String label : labels) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--label must be name=value, got \"" + label + "\"");
            }
            String name = label.substring(0, eq);
            String value = label.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (b.get(name) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--label " + name + " given twice");
            }
            b.set(name, value);
        }
        return b.build();
    }

    /** A store that is loading or serving: the gRPC server and the optional HTTP probes. */
    public static final class RunningStore extends ServingStoreApi {
        private volatile InMemoryStore data;

        RunningStore(HttpServer http) {
            super(http);
            startProbes();
        }

        void serve(StoreServer server, InMemoryStore store) {
            this.data = store;
            serving(server);
        }

        @Override
        String notReadyReason() {
            return grpcServer() != null ? null : "NOT OK";
        }

        @Override
        String metrics() {
            StringBuilder out = new StringBuilder();
            StoreServer server = grpcServer();
            InMemoryStore store = data;
            if (server != null) {
                server.metrics().appendTo(out);
                ProbeHttp.gauge(out, "thanosjava_store_series", "Series held in memory.", store.seriesCount());
                ProbeHttp.gauge(out, "thanosjava_store_samples", "Samples held in memory.", store.sampleCount());
                ProbeHttp.gauge(out, "thanosjava_store_chunk_bytes", "Bytes of XOR chunk data held in memory.",
                        store.chunkBytes());
            }
            return out.toString();
        }
    }
}
