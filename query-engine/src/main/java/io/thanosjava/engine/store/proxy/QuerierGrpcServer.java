package io.thanosjava.engine.store.proxy;

import io.grpc.Server;
import io.thanosjava.storeapi.grpc.ThanosServerTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The querier's gRPC listener ({@code --grpc-address}): Store and Info over its stores, so a querier
 * can be an endpoint of another querier, with the transport settings of Thanos' servers
 * ({@link ThanosServerTransport}).
 */
public final class QuerierGrpcServer implements AutoCloseable {
    private final Server server;
    private final ExecutorService streams;

    private QuerierGrpcServer(Server server, ExecutorService streams) {
        this.server = server;
        this.streams = streams;
    }

    /** @throws IOException when {@code address} cannot be bound, naming it */
    public static QuerierGrpcServer start(InetSocketAddress address, ProxySource source) throws IOException {
        ExecutorService streams = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "grpc-series");
            t.setDaemon(true);
            return t;
        });
        Server server = ThanosServerTransport.forAddress(address)
                .addService(new QuerierStoreService(source, streams))
                .addService(new QuerierInfoService(source))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            streams.shutdownNow();
            throw new IOException("cannot listen for gRPC on " + address + ": " + e.getMessage(), e);
        }
        return new QuerierGrpcServer(server, streams);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        streams.shutdownNow();
    }
}
