package io.thanosjava.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Turns a Netty request into a {@link RawRequest}, hands it to the dispatcher and writes the answer back. */
final class NettyRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final int MAX_PARAMS = 10_000;

    private final Dispatcher dispatcher;
    private volatile boolean gone;
    private final List<Runnable> goneActions = new CopyOnWriteArrayList<>();

    NettyRequestHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        RawRequest raw;
        try {
            raw = decode(req);
        } catch (IllegalArgumentException e) {
            write(ctx, io.thanosjava.server.api.Envelope.error(new io.thanosjava.server.api.ApiError(
                    io.thanosjava.server.api.ApiError.Type.BAD_DATA, "error parsing request: " + e.getMessage())), keepAlive);
            return;
        }
        RequestContext context = new RequestContext() {
            @Override
            public boolean isClientGone() {
                return gone;
            }

            @Override
            public void onClientGone(Runnable action) {
                goneActions.add(action);
                if (gone) {
                    action.run();
                }
            }
        };
        dispatcher.dispatch(raw, context).whenComplete((response, error) -> {
            if (response != null) {
                write(ctx, response, keepAlive);
            } else {
                ctx.close();
            }
            goneActions.clear();
        });
    }

    private static RawRequest decode(FullHttpRequest req) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8, true, MAX_PARAMS);
        Map<String, List<String>> params = new LinkedHashMap<>();
        String contentType = req.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (req.content().isReadable() && contentType.startsWith(HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString())) {
            String body = req.content().toString(StandardCharsets.UTF_8);
            QueryStringDecoder form = new QueryStringDecoder(body, StandardCharsets.UTF_8, false, MAX_PARAMS);
            merge(params, form.parameters());
        }
        merge(params, uri.parameters());
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, String> h : req.headers()) {
            headers.putIfAbsent(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue());
        }
        return new RawRequest(req.method().name(), uri.path(), params, headers);
    }

    private static void merge(Map<String, List<String>> into, Map<String, List<String>> from) {
        for (Map.Entry<String, List<String>> e : from.entrySet()) {
            into.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
        }
    }

    private static void write(ChannelHandlerContext ctx, ApiResponse r, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        if (keepAlive) {
            HttpUtil.setKeepAlive(res, true);
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        gone = true;
        for (Runnable r : goneActions) {
            r.run();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
