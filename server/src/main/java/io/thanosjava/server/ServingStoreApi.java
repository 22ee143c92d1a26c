package io.thanosjava.server;

import com.sun.net.httpserver.HttpServer;
import io.thanosjava.stores.StoreServer;

/**
 * What the {@code store} and {@code sidecar} commands have in common once started: a StoreAPI gRPC
 * server and the optional HTTP listener for probes and metrics.
 */
public abstract class ServingStoreApi implements AutoCloseable {
    private final HttpServer http;
    private volatile StoreServer grpc;

    ServingStoreApi(HttpServer http) {
        this.http = http;
    }

    /** Mounts the probes; subclasses call it once their own fields are set. */
    final void startProbes() {
        if (http != null) {
            ProbeHttp.start(http, this::notReadyReason, this::metrics);
        }
    }

    final void serving(StoreServer server) {
        this.grpc = server;
    }

    /** The gRPC server once it runs, else {@code null}. */
    final StoreServer grpcServer() {
        return grpc;
    }

    /** The bound gRPC port. */
    public int grpcPort() {
        return grpc.port();
    }

    /** The bound HTTP port, or -1 without an HTTP listener. */
    public int httpPort() {
        return http == null ? -1 : http.getAddress().getPort();
    }

    /** Where the log line says the HTTP listener is. */
    final String httpDescription() {
        return http == null ? "none" : http.getAddress().getHostString() + ":" + httpPort();
    }

    public void awaitTermination() throws InterruptedException {
        grpc.awaitTermination();
    }

    /** The 503 body of {@code /-/ready} while not ready, {@code null} when ready. */
    abstract String notReadyReason();

    /** The text exposition served on {@code /metrics}. */
    abstract String metrics();

    /** Releases what the subclass owns besides the servers (called after the gRPC server stops). */
    void closeBackend() {
    }

    @Override
    public void close() {
        StoreServer server = grpc;
        if (server != null) {
            server.close();
        }
        closeBackend();
        if (http != null) {
            http.stop(0);
        }
    }
}
