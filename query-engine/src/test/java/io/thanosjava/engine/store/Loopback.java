package io.thanosjava.engine.store;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real gRPC servers and client channels on 127.0.0.1 for tests; closes everything it opened. */
final class Loopback implements AutoCloseable {
    private final List<Server> servers = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    /** Starts a server on an ephemeral port with the services, every call recorded by {@code capture}. */
    Server serve(TenantCapture capture, BindableService... services) {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(Integer.MAX_VALUE);
        for (BindableService service : services) {
            builder.addService(ServerInterceptors.intercept(service, capture));
        }
        try {
            Server server = builder.build().start();
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String address(Server server) {
        return "127.0.0.1:" + server.getPort();
    }

    ManagedChannel channel(int port) {
        ManagedChannel channel = GrpcChannels.open("127.0.0.1", port, ClientTransportOptions.plaintext());
        channels.add(channel);
        return channel;
    }

    StoreEndpoint endpoint(Server server, StoreInfo info) {
        return new StoreEndpoint(address(server), channel(server.getPort()), info);
    }

    /** A port nothing listens on (bound once, then released). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow();
        }
        for (Server server : servers) {
            server.shutdownNow();
        }
        for (Server server : servers) {
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
