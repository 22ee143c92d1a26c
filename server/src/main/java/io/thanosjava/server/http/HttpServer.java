package io.thanosjava.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty HTTP listener. Event loops only parse and write; every handler runs on the
 * dispatcher's executor, so a slow query never blocks a connection's I/O.
 */
public final class HttpServer implements AutoCloseable {
    private final Channel channel;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;

    private HttpServer(Channel channel, EventLoopGroup bossGroup, EventLoopGroup workerGroup) {
        this.channel = channel;
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
    }

    /**
     * Binds and starts serving.
     *
     * @param maxBodyBytes requests with a larger body are refused with 413
     */
    public static HttpServer start(InetSocketAddress address, Dispatcher dispatcher, int maxBodyBytes)
            throws InterruptedException {
        requireNonNull(address, "address is null");
        requireNonNull(dispatcher, "dispatcher is null");
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2);
        try {
            ServerBootstrap b = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpServerKeepAliveHandler())
                                    .addLast(new HttpContentCompressor())
                                    .addLast(new HttpObjectAggregator(maxBodyBytes))
                                    .addLast(new NettyRequestHandler(dispatcher));
                        }
                    });
            return new HttpServer(b.bind(address).sync().channel(), boss, workers);
        } catch (InterruptedException | RuntimeException e) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            throw e;
        }
    }

    /** The bound port (useful when binding port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting connections; requests in flight go on. */
    public void stopAccepting() {
        channel.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        stopAccepting();
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
