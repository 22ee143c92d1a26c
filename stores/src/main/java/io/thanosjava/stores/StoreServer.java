package io.thanosjava.stores;

import static java.util.Objects.requireNonNull;

import io.grpc.Server;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.grpc.ThanosServerTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A running StoreAPI gRPC server: {@code thanos.Store} and {@code thanos.info.Info} over one
 * {@link StoreBackend}, with the transport settings of Thanos' gRPC server (message sizes up to
 * {@code MaxInt32} both ways, clients may ping no more often than every 10 s and only while a call
 * is active, connections are recycled after 60 minutes). {@link #close} stops accepting calls and
 * waits briefly for running ones.
 */
public final class StoreServer implements AutoCloseable {
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    private final Server server;
    private final StoreMetrics metrics;

    private StoreServer(Server server, StoreMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    /**
     * Binds and starts a server.
     *
     * @param address where to listen, e.g. {@code 127.0.0.1:10901}; port 0 picks a free port
     * @param componentType the component type {@code Info} reports, usually {@link InfoService#COMPONENT_STORE}
     * @throws IOException when the address cannot be bound
     */
    public static StoreServer start(InetSocketAddress address, StoreBackend backend, Labels externalLabels,
            String componentType) throws IOException {
        requireNonNull(address, "address is null");
        requireNonNull(backend, "backend is null");
        requireNonNull(externalLabels, "externalLabels is null");
        requireNonNull(componentType, "componentType is null");
        StoreMetrics metrics = new StoreMetrics();
        Server server = ThanosServerTransport.forAddress(address)
                .addService(new StoreService(backend, externalLabels, metrics))
                .addService(new InfoService(backend, externalLabels, componentType, metrics))
                .build()
                .start();
        return new StoreServer(server, metrics);
    }

    /** The bound port (useful after asking for port 0). */
    public int port() {
        return server.getPort();
    }

    public StoreMetrics metrics() {
        return metrics;
    }

    /** Blocks until the server has terminated (after {@link #close} from another thread). */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                server.shutdownNow();
                server.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
