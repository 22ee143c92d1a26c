package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.dedup.ProxyMerge;
import io.thanosjava.dedup.ReplicaLabels;
import io.thanosjava.engine.QueryException;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends one Series request to every store it can concern, in parallel, and merges the answers into
 * one sorted stream ({@link ProxyMerge}: equal label sets joined, duplicate chunks dropped), with the
 * request limits applied. Store selection, partial response and flow control are described on
 * {@link StoreSelection} and {@link SeriesStream}.
 */
public final class SeriesFanout {
    /** gRPC metadata key carrying the tenant on Series, LabelNames and LabelValues calls. */
    public static final Metadata.Key<String> TENANT_HEADER =
            Metadata.Key.of("thanos-tenant", Metadata.ASCII_STRING_MARSHALLER);

    private final FanoutOptions options;
    private final ScheduledExecutorService scheduler;

    /** @param scheduler runs the per-store response timeout watchdogs; owned by the caller */
    public SeriesFanout(FanoutOptions options, ScheduledExecutorService scheduler) {
        this.options = requireNonNull(options, "options is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    public FanoutOptions options() {
        return options;
    }

    /**
     * Starts the calls and returns the merged stream; nothing blocks until its first {@code next()}.
     * The request's matchers, time range, strategy and {@code without_replica_labels} are used as given;
     * {@code response_batch_size} is set from the options. A store that cannot strip the replica labels
     * itself has its answer stripped and re-sorted here (which buffers that store's answer).
     *
     * @throws QueryException under ABORT when there are no stores at all ("No StoreAPIs available")
     */
    public ChunkSeriesSet select(List<StoreEndpoint> stores, SeriesRequest request, String tenant) {
        requireNonNull(stores, "stores is null");
        requireNonNull(request, "request is null");
        requireNonNull(tenant, "tenant is null");
        PartialResponseStrategy strategy = strategyOf(request);
        if (stores.isEmpty() && strategy == PartialResponseStrategy.ABORT) {
            throw new QueryException(QueryException.Type.EXECUTION, "No StoreAPIs available");
        }
        List<LabelMatcher> matchers = new ArrayList<>(request.getMatchersCount());
        for (int i = 0; i < request.getMatchersCount(); i++) {
            matchers.add(MatcherConverter.fromThanos(request.getMatchers(i)));
        }
        SeriesRequest sent = request.toBuilder().setResponseBatchSize(options.responseBatchSize()).build();
        List<ChunkSeriesSet> streams = new ArrayList<>();
        try {
            for (StoreEndpoint store : stores) {
                if (!StoreSelection.concerns(store.info(), matchers, request.getMinTime(), request.getMaxTime())) {
                    continue;
                }
                ClientCall<SeriesRequest, SeriesFrame> call = store.channel().newCall(
                        SeriesFrameMarshaller.seriesMethod(options.verifyChunks()), callOptions());
                ChunkSeriesSet stream = SeriesStream.open(store.address(), strategy, call, sent, headers(tenant), options,
                        scheduler);
                streams.add(needsClientSideStripping(store, sent) ? new LazyStrip(stream, sent) : stream);
            }
        } catch (RuntimeException e) {
            for (ChunkSeriesSet stream : streams) {
                stream.close();
            }
            throw e;
        }
        return RequestLimits.apply(ProxyMerge.merge(streams), options);
    }

    static PartialResponseStrategy strategyOf(SeriesRequest request) {
        return request.getPartialResponseDisabled()
                || request.getPartialResponseStrategy() == io.thanosjava.storeapi.proto.store.PartialResponseStrategy.ABORT
                ? PartialResponseStrategy.ABORT : PartialResponseStrategy.WARN;
    }

    /**
     * Headers for one call. Each call needs its own: gRPC adds and removes entries while starting a call
     * and serialises them on the transport's thread, so one instance shared by calls to several stores
     * was read while being modified (a call failed to start, and its stream waited forever).
     */
    private static Metadata headers(String tenant) {
        Metadata headers = new Metadata();
        headers.put(TENANT_HEADER, tenant);
        return headers;
    }

    private CallOptions callOptions() {
        CallOptions call = CallOptions.DEFAULT;
        if (!options.callTimeout().isZero()) {
            call = call.withDeadlineAfter(options.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        return call;
    }

    private static boolean needsClientSideStripping(StoreEndpoint store, SeriesRequest request) {
        return request.getWithoutReplicaLabelsCount() > 0 && !store.info().supportsWithoutReplicaLabels();
    }

    /**
     * Strips the replica labels of a store that cannot, on first use (so the calls of all stores are
     * already running while this one's answer is buffered).
     */
    private static final class LazyStrip implements ChunkSeriesSet {
        private final ChunkSeriesSet raw;
        private final List<String> replicaLabels;
        private ChunkSeriesSet stripped;

        LazyStrip(ChunkSeriesSet raw, SeriesRequest request) {
            this.raw = raw;
            this.replicaLabels = List.copyOf(request.getWithoutReplicaLabelsList());
        }

        private ChunkSeriesSet stripped() {
            if (stripped == null) {
                stripped = ReplicaLabels.stripAndSort(raw, replicaLabels);
            }
            return stripped;
        }

        @Override
        public boolean next() {
            return stripped().next();
        }

        @Override
        public io.thanosjava.model.Labels labels() {
            return stripped().labels();
        }

        @Override
        public List<io.thanosjava.model.chunk.Chunk> chunks() {
            return stripped().chunks();
        }

        @Override
        public List<String> warnings() {
            return stripped == null ? raw.warnings() : stripped.warnings();
        }

        @Override
        public void close() {
            raw.close();
        }
    }
}
