package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NegotiationType;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.thanosjava.storeapi.grpc.SnappyFramedCodec;
import java.io.File;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens the one pooled channel per endpoint, with the transport settings Thanos uses
 * ({@code pkg/extgrpc}): inbound messages up to {@link Integer#MAX_VALUE} (grpc-java's 4 MiB default
 * rejects large batch frames), keepalive pings every 10 s with a 5 s timeout and never without an active
 * call (Thanos servers answer more frequent or idle pings with {@code GOAWAY too_many_pings}), the
 * {@code snappy} (framing format) codec registered both ways, and optional client TLS.
 */
public final class GrpcChannels {
    static final long KEEPALIVE_TIME_SECONDS = 10;
    static final long KEEPALIVE_TIMEOUT_SECONDS = 5;

    private GrpcChannels() {
    }

    /**
     * A channel to {@code host:port}; the caller owns it and shuts it down.
     *
     * @throws IllegalArgumentException when TLS files cannot be read
     */
    public static ManagedChannel open(String host, int port, ClientTransportOptions options) {
        requireNonNull(host, "host is null");
        requireNonNull(options, "options is null");
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(host, port)
                .maxInboundMessageSize(Integer.MAX_VALUE)
                .maxInboundMetadataSize(Integer.MAX_VALUE)
                .keepAliveTime(KEEPALIVE_TIME_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(false)
                .compressorRegistry(SnappyFramedCodec.compressorRegistry())
                .decompressorRegistry(SnappyFramedCodec.decompressorRegistry());
        ClientTlsOptions tls = options.tls();
        if (tls.secure()) {
            builder.negotiationType(NegotiationType.TLS).sslContext(sslContext(tls));
            if (!tls.serverName().isEmpty()) {
                builder.overrideAuthority(tls.serverName());
            }
        } else {
            builder.usePlaintext();
        }
        return builder.build();
    }

    /** The channel calls are made on: requests compressed with snappy when configured. */
    public static Channel withCompression(Channel channel, ClientTransportOptions.Compression compression) {
        requireNonNull(channel, "channel is null");
        if (compression == ClientTransportOptions.Compression.NONE) {
            return channel;
        }
        return ClientInterceptors.intercept(channel, new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions,
                    Channel next) {
                return next.newCall(method, callOptions.withCompression(SnappyFramedCodec.NAME));
            }
        });
    }

    static SslContext sslContext(ClientTlsOptions tls) {
        try {
            SslContextBuilder builder = GrpcSslContexts.forClient();
            if (tls.skipVerify()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (!tls.caFile().isEmpty()) {
                builder.trustManager(new File(tls.caFile()));
            }
            if (!tls.certFile().isEmpty()) {
                builder.keyManager(new File(tls.certFile()), new File(tls.keyFile()));
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot set up client TLS (cert \"" + tls.certFile() + "\", key \""
                    + tls.keyFile() + "\", CA \"" + tls.caFile() + "\"): " + e.getMessage(), e);
        }
    }
}
