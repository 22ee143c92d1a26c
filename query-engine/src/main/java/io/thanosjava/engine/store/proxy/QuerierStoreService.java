package io.thanosjava.engine.store.proxy;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.store.PartialResponseStrategy;
import io.thanosjava.engine.store.QuerySettings;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelNamesResponse;
import io.thanosjava.storeapi.proto.store.LabelValuesRequest;
import io.thanosjava.storeapi.proto.store.LabelValuesResponse;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The querier's own {@code thanos.Store}: the merged proxy view of its stores (equal series
 * merged, identical chunks removed, {@code without_replica_labels} forwarded), as a Thanos querier
 * serves it to stacked queriers and rulers. No penalty dedup here, as in Thanos. Series frames are
 * written only while the client is ready to take them.
 */
public final class QuerierStoreService extends StoreGrpc.StoreImplBase {
    private final ProxySource source;
    private final Executor executor;

    /** @param executor runs each Series stream (it blocks while the client is not ready for more) */
    public QuerierStoreService(ProxySource source, Executor executor) {
        this.source = requireNonNull(source, "source is null");
        this.executor = requireNonNull(executor, "executor is null");
    }

    @Override
    public void series(SeriesRequest request, StreamObserver<SeriesResponse> observer) {
        ServerCallStreamObserver<SeriesResponse> call = (ServerCallStreamObserver<SeriesResponse>) observer;
        Object readiness = new Object();
        Runnable wake = () -> {
            synchronized (readiness) {
                readiness.notifyAll();
            }
        };
        call.setOnReadyHandler(wake);
        // Handlers may only be set before this method returns; the stream loop checks isCancelled().
        call.setOnCancelHandler(wake);
        executor.execute(() -> stream(request, call, readiness));
    }

    private void stream(SeriesRequest request, ServerCallStreamObserver<SeriesResponse> call, Object readiness) {
        try (ChunkSeriesSet set = source.series(request, QuerySettings.DEFAULT_TENANT)) {
            while (set.next()) {
                Series.Builder series = Series.newBuilder().addAllLabels(LabelsConverter.toThanos(set.labels()));
                if (!request.getSkipChunks()) {
                    for (Chunk c : set.chunks()) {
                        series.addChunks(io.thanosjava.storeapi.proto.store.AggrChunk.newBuilder()
                                .setMinTime(c.minTime()).setMaxTime(c.maxTime())
                                .setRaw(ChunkConverter.toThanosRaw(c).getRaw()));
                    }
                }
                awaitReady(call, readiness);
                if (call.isCancelled()) {
                    return;
                }
                call.onNext(SeriesResponse.newBuilder().setSeries(series).build());
            }
            for (String w : set.warnings()) {
                call.onNext(SeriesResponse.newBuilder().setWarning(w).build());
            }
            call.onCompleted();
        } catch (QueryException e) {
            call.onError(Status.ABORTED.withDescription(e.getMessage()).asRuntimeException());
        } catch (RuntimeException e) {
            call.onError(Status.INTERNAL.withDescription("proxy Series(): " + e.getMessage()).asRuntimeException());
        }
    }

    private static void awaitReady(ServerCallStreamObserver<SeriesResponse> call, Object readiness) {
        synchronized (readiness) {
            while (!call.isReady() && !call.isCancelled()) {
                try {
                    readiness.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void labelNames(LabelNamesRequest request, StreamObserver<LabelNamesResponse> observer) {
        try {
            LabelQueryResult r = source.labelNames(request.getStart(), request.getEnd(),
                    matchers(request.getMatchersList()), request.getLimit(), strategy(request.getPartialResponseStrategy()),
                    QuerySettings.DEFAULT_TENANT);
            LabelNamesResponse.Builder out = LabelNamesResponse.newBuilder().addAllWarnings(r.warnings());
            r.values().forEach(v -> out.addNames(ByteString.copyFromUtf8(v)));
            observer.onNext(out.build());
            observer.onCompleted();
        } catch (RuntimeException e) {
            observer.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    @Override
    public void labelValues(LabelValuesRequest request, StreamObserver<LabelValuesResponse> observer) {
        try {
            LabelQueryResult r = source.labelValues(request.getLabel(), request.getStart(),
                    request.getEnd(), matchers(request.getMatchersList()), request.getLimit(),
                    strategy(request.getPartialResponseStrategy()), QuerySettings.DEFAULT_TENANT);
            LabelValuesResponse.Builder out = LabelValuesResponse.newBuilder().addAllWarnings(r.warnings());
            r.values().forEach(v -> out.addValues(ByteString.copyFromUtf8(v)));
            observer.onNext(out.build());
            observer.onCompleted();
        } catch (RuntimeException e) {
            observer.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    private static List<LabelMatcher> matchers(List<io.thanosjava.storeapi.proto.store.LabelMatcher> wire) {
        List<LabelMatcher> out = new ArrayList<>(wire.size());
        for (io.thanosjava.storeapi.proto.store.LabelMatcher m : wire) {
            out.add(MatcherConverter.fromThanos(m));
        }
        return out;
    }

    private static PartialResponseStrategy strategy(io.thanosjava.storeapi.proto.store.PartialResponseStrategy s) {
        return s == io.thanosjava.storeapi.proto.store.PartialResponseStrategy.ABORT
                ? PartialResponseStrategy.ABORT : PartialResponseStrategy.WARN;
    }
}
