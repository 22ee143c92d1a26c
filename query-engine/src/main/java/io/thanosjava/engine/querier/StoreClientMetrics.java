package io.thanosjava.engine.querier;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Per-store gRPC client metrics with the names of the go-grpc-prometheus client metrics Thanos
 * exposes ({@code grpc_client_started_total}, {@code grpc_client_handled_total},
 * {@code grpc_client_handling_seconds}), plus an {@code endpoint} label naming the store.
 */
public final class StoreClientMetrics {
    private final MeterRegistry registry;

    public StoreClientMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** The interceptor for calls to one endpoint. */
    public ClientInterceptor forEndpoint(String endpoint) {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new MeasuredCall<>(next.newCall(method, options), method, endpoint);
            }
        };
    }

    private final class MeasuredCall<Q, R> extends ForwardingClientCall.SimpleForwardingClientCall<Q, R> {
        private final MethodDescriptor<Q, R> method;
        private final String endpoint;

        MeasuredCall(ClientCall<Q, R> delegate, MethodDescriptor<Q, R> method, String endpoint) {
            super(delegate);
            this.method = method;
            this.endpoint = endpoint;
        }

        @Override
        public void start(Listener<R> listener, Metadata headers) {
            String service = String.valueOf(method.getServiceName());
            String name = String.valueOf(method.getBareMethodName());
            String type = method.getType() == MethodDescriptor.MethodType.UNARY ? "unary" : "server_stream";
            Counter.builder("grpc_client_started_total").tag("grpc_service", service).tag("grpc_method", name)
                    .tag("grpc_type", type).tag("endpoint", endpoint).register(registry).increment();
            long began = System.nanoTime();
            super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<R>(listener) {
                @Override
                public void onClose(Status status, Metadata trailers) {
                    Counter.builder("grpc_client_handled_total").tag("grpc_service", service).tag("grpc_method", name)
                            .tag("grpc_type", type).tag("grpc_code", status.getCode().name()).tag("endpoint", endpoint)
                            .register(registry).increment();
                    Timer.builder("grpc_client_handling_seconds").tag("grpc_service", service).tag("grpc_method", name)
                            .tag("grpc_type", type).tag("endpoint", endpoint).register(registry)
                            .record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
                    super.onClose(status, trailers);
                }
            }, headers);
        }
    }
}
