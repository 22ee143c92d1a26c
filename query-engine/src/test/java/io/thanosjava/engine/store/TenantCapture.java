package io.thanosjava.engine.store;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Server interceptor recording every method called on a test server, and exposing the tenant header to it. */
final class TenantCapture implements ServerInterceptor {
    static final Context.Key<String> CURRENT = Context.key("tenant");

    final List<String> methods = new CopyOnWriteArrayList<>();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        methods.add(call.getMethodDescriptor().getFullMethodName());
        Context context = Context.current().withValue(CURRENT, headers.get(SeriesFanout.TENANT_HEADER));
        return Contexts.interceptCall(context, call, headers, next);
    }

    long count(String fullMethodName) {
        return methods.stream().filter(fullMethodName::equals).count();
    }
}
