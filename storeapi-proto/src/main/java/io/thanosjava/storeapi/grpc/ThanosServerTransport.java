package io.thanosjava.storeapi.grpc;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The transport settings Thanos' gRPC server gives every component that serves the StoreAPI:
 * messages and metadata up to {@code MaxInt32} both ways, clients may ping no more often than every
 * 10 s and only while a call is active, connections are recycled after 60 minutes.
 */
public final class ThanosServerTransport {
    private static final long MIN_CLIENT_PING_SECONDS = 10;
    private static final long MAX_CONNECTION_AGE_MINUTES = 60;

    private ThanosServerTransport() {
    }

    /** A server builder listening on {@code address} with those settings; services are added by the caller. */
    public static NettyServerBuilder forAddress(InetSocketAddress address) {
        return NettyServerBuilder.forAddress(address)
                .maxInboundMessageSize(Integer.MAX_VALUE)
                .maxInboundMetadataSize(Integer.MAX_VALUE)
                .permitKeepAliveTime(MIN_CLIENT_PING_SECONDS, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(false)
                .maxConnectionAge(MAX_CONNECTION_AGE_MINUTES, TimeUnit.MINUTES);
    }
}
