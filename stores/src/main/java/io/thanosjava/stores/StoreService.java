package io.thanosjava.stores;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.thanosjava.model.InvalidMatcherException;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.InvalidWireDataException;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.store.InfoRequest;
import io.thanosjava.storeapi.proto.store.InfoResponse;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelNamesResponse;
import io.thanosjava.storeapi.proto.store.LabelValuesRequest;
import io.thanosjava.storeapi.proto.store.LabelValuesResponse;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import io.thanosjava.storeapi.proto.store.StoreType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The {@code thanos.Store} gRPC service over any {@link StoreBackend}, with the request semantics
 * of a Thanos store:
 *
 * <ul>
 *   <li>matchers on external label names are checked against the external values; a contradiction
 *       answers nothing, and a request with no other matcher is refused ({@code INVALID_ARGUMENT},
 *       as Thanos' TSDB store does);
 *   <li>external labels are attached to every series and override same-named series labels;
 *   <li>{@code without_replica_labels} are removed from the whole label set and the stream is
 *       re-sorted afterwards;
 *   <li>{@code shard_info} keeps the series whose complete label set hashes into the shard;
 *   <li>{@code limit} (&gt; 0) caps the number of series sent, after sharding;
 *   <li>chunks are those overlapping {@code [min_time, max_time]}, whole and untrimmed; a series
 *       without one is not sent, even with {@code skip_chunks};
 *   <li>{@code response_batch_size} &ge; 2 packs series into {@code batch} frames;
 *   <li>the stream honours gRPC flow control ({@link SeriesStreamer}).
 * </ul>
 *
 * Series frames are written as protobuf bytes by the store ({@link SeriesFrameEncoder}) and sent through
 * a method descriptor whose response marshaller passes them on as they are; the other methods use the
 * generated messages.
 *
 * Invalid matchers (bad regex, unknown type) answer {@code INVALID_ARGUMENT}.
 */
public final class StoreService implements BindableService {
    private final StoreBackend backend;
    private final Labels externalLabels;
    private final StoreMetrics metrics;

    public StoreService(StoreBackend backend, Labels externalLabels, StoreMetrics metrics) {
        this.backend = requireNonNull(backend, "backend is null");
        this.externalLabels = requireNonNull(externalLabels, "externalLabels is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Override
    public ServerServiceDefinition bindService() {
        return ServerServiceDefinition.builder(StoreGrpc.SERVICE_NAME)
                .addMethod(EncodedFrame.SERIES_METHOD, ServerCalls.asyncServerStreamingCall(this::series))
                .addMethod(StoreGrpc.getLabelNamesMethod(), ServerCalls.asyncUnaryCall(this::labelNames))
                .addMethod(StoreGrpc.getLabelValuesMethod(), ServerCalls.asyncUnaryCall(this::labelValues))
                .addMethod(StoreGrpc.getInfoMethod(), ServerCalls.asyncUnaryCall(this::info))
                .build();
    }

    private void series(SeriesRequest request, StreamObserver<EncodedFrame> responseObserver) {
        metrics.seriesCalls.increment();
        ServerCallStreamObserver<EncodedFrame> call = (ServerCallStreamObserver<EncodedFrame>) responseObserver;
        List<LabelMatcher> local;
        try {
            local = RequestMatchers.localMatchers(request.getMatchersList(), externalLabels);
        } catch (InvalidMatcherException | InvalidWireDataException e) {
            fail(call, Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
            return;
        }
        if (local == null) {
            call.onCompleted();
            return;
        }
        if (local.isEmpty()) {
            fail(call, Status.INVALID_ARGUMENT.withDescription("no matchers specified (excluding external labels)"));
            return;
        }
        SeriesStreamer streamer;
        try {
            SeriesSelection selection = backend.select(local, request.getMinTime(), request.getMaxTime());
            OutputLabels output = new OutputLabels(externalLabels, new HashSet<>(request.getWithoutReplicaLabelsList()));
            ShardMatcher shard = ShardMatcher.of(request.hasShardInfo() ? request.getShardInfo() : null);
            SeriesPlan plan = SeriesPlan.of(selection, output, shard, request.getLimit());
            streamer = new SeriesStreamer(plan, selection, request.getSkipChunks(), request.getResponseBatchSize(),
                    call, metrics);
        } catch (RuntimeException e) {
            fail(call, StoreErrors.status("series", e));
            return;
        }
        call.setOnCancelHandler(streamer::cancel);
        call.setOnReadyHandler(streamer::drain);
    }

    private void labelNames(LabelNamesRequest request, StreamObserver<LabelNamesResponse> responseObserver) {
        metrics.labelNamesCalls.increment();
        try {
            List<LabelMatcher> local = RequestMatchers.localMatchers(request.getMatchersList(), externalLabels);
            LabelNamesResponse.Builder response = LabelNamesResponse.newBuilder();
            if (local != null) {
                Set<String> names = sortedSet(backend.labelNames(local, request.getStart(), request.getEnd()));
                if (!names.isEmpty()) {
                    for (int i = 0; i < externalLabels.size(); i++) {
                        names.add(externalLabels.name(i));
                    }
                }
                names.removeAll(request.getWithoutReplicaLabelsList());
                addLimited(names, request.getLimit(), response::addNames);
            }
            responseObserver.onNext(response.build());
            responseObserver.onCompleted();
        } catch (InvalidMatcherException | InvalidWireDataException e) {
            fail(responseObserver, Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        } catch (RuntimeException e) {
            fail(responseObserver, StoreErrors.status("label names", e));
        }
    }

    /**
     * Values of one label. For an external label the answer is its external value, given only when
     * some series matches in the time range (stricter than Thanos, which answers it unconditionally).
     */
    private void labelValues(LabelValuesRequest request, StreamObserver<LabelValuesResponse> responseObserver) {
        metrics.labelValuesCalls.increment();
        String name = request.getLabel();
        if (name.isEmpty()) {
            fail(responseObserver, Status.INVALID_ARGUMENT.withDescription("label name parameter cannot be empty"));
            return;
        }
        try {
            List<LabelMatcher> local = RequestMatchers.localMatchers(request.getMatchersList(), externalLabels);
            LabelValuesResponse.Builder response = LabelValuesResponse.newBuilder();
            if (local != null) {
                String external = externalLabels.get(name);
                Set<String> values;
                if (external != null) {
                    boolean any = backend.select(local, request.getStart(), request.getEnd()).size() > 0;
                    values = any ? sortedSet(List.of(external)) : Set.of();
                } else {
                    values = sortedSet(backend.labelValues(name, local, request.getStart(), request.getEnd()));
                }
                addLimited(values, request.getLimit(), response::addValues);
            }
            responseObserver.onNext(response.build());
            responseObserver.onCompleted();
        } catch (InvalidMatcherException | InvalidWireDataException e) {
            fail(responseObserver, Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        } catch (RuntimeException e) {
            fail(responseObserver, StoreErrors.status("label values", e));
        }
    }

    /** The legacy {@code /thanos.Store/Info} (removed from Thanos in v0.37), for old queriers. */
    private void info(InfoRequest request, StreamObserver<InfoResponse> responseObserver) {
        metrics.infoCalls.increment();
        InfoResponse.Builder response = InfoResponse.newBuilder()
                .addAllLabels(LabelsConverter.toThanos(externalLabels))
                .setMinTime(backend.minTime())
                .setMaxTime(backend.maxTime())
                .setStoreType(StoreType.STORE);
        if (!externalLabels.isEmpty()) {
            response.addLabelSets(LabelsConverter.toZLabelSet(externalLabels));
        }
        responseObserver.onNext(response.build());
        responseObserver.onCompleted();
    }

    private void fail(StreamObserver<?> observer, Status status) {
        metrics.failedCalls.increment();
        observer.onError(status.asRuntimeException());
    }

    private static Set<String> sortedSet(Collection<String> values) {
        Set<String> set = new TreeSet<>(Labels::compareUtf8);
        set.addAll(values);
        return set;
    }

    /** Label names and values travel as bytes on the wire. */
    private static void addLimited(Set<String> values, long limit, Consumer<ByteString> sink) {
        long n = 0;
        for (String v : values) {
            if (limit > 0 && n == limit) {
                return;
            }
            sink.accept(ByteString.copyFromUtf8(v));
            n++;
        }
    }
}
