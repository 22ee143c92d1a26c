package io.thanosjava.stores;

import com.google.protobuf.UnsafeByteOperations;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.store.AggrChunk;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesBatch;
import io.thanosjava.storeapi.proto.store.SeriesResponse;

/**
 * Sends a {@link SeriesPlan} with gRPC flow control: frames are built only while the transport
 * {@linkplain ServerCallStreamObserver#isReady() is ready}, and the rest waits for the next
 * on-ready callback. A slow reader therefore holds back the store instead of making it buffer the
 * whole answer. gRPC calls {@link #drain} and {@link #cancel} serially, never concurrently.
 */
final class SeriesStreamer {
    /** Batches above this many series gain nothing and only make frames huge. */
    private static final int MAX_BATCH = 1024;

    private final SeriesPlan plan;
    private final SeriesSelection selection;
    private final boolean skipChunks;
    private final int batchSize;
    private final ServerCallStreamObserver<SeriesResponse> call;
    private final StoreMetrics metrics;
    private int next;
    private boolean finished;
    private volatile boolean cancelled;

    SeriesStreamer(SeriesPlan plan, SeriesSelection selection, boolean skipChunks, long responseBatchSize,
            ServerCallStreamObserver<SeriesResponse> call, StoreMetrics metrics) {
        this.plan = plan;
        this.selection = selection;
        this.skipChunks = skipChunks;
        // Batch frames only when asked with a value >= 2 (older clients do not know them).
        this.batchSize = responseBatchSize >= 2 ? (int) Math.min(responseBatchSize, MAX_BATCH) : 1;
        this.call = call;
        this.metrics = metrics;
    }

    void cancel() {
        cancelled = true;
    }

    void drain() {
        if (finished) {
            return;
        }
        try {
            while (next < plan.size() && call.isReady()) {
                if (cancelled) {
                    finished = true;
                    return;
                }
                call.onNext(batchSize == 1 ? SeriesResponse.newBuilder().setSeries(series(next++)).build() : batch());
                metrics.framesSent.increment();
            }
            if (next >= plan.size()) {
                finished = true;
                call.onCompleted();
            }
        } catch (RuntimeException e) {
            finished = true;
            metrics.failedCalls.increment();
            call.onError(Status.INTERNAL.withDescription("series: " + e).withCause(e).asRuntimeException());
        }
    }

    private SeriesResponse batch() {
        int end = Math.min(plan.size(), next + batchSize);
        SeriesBatch.Builder b = SeriesBatch.newBuilder();
        while (next < end) {
            b.addSeries(series(next++));
        }
        return SeriesResponse.newBuilder().setBatch(b).build();
    }

    private Series series(int k) {
        Series.Builder s = Series.newBuilder().addAllLabels(LabelsConverter.toThanos(plan.labels(k)));
        if (!skipChunks) {
            int i = plan.selectionIndex(k);
            int n = selection.chunkCount(i);
            for (int j = 0; j < n; j++) {
                s.addChunks(toWire(selection.chunk(i, j)));
            }
            metrics.chunksSent.add(n);
        }
        metrics.seriesSent.increment();
        return s.build();
    }

    /** Chunk bytes are immutable once stored, so the wire message wraps them without a copy. */
    private static AggrChunk toWire(Chunk c) {
        return AggrChunk.newBuilder()
                .setMinTime(c.minTime())
                .setMaxTime(c.maxTime())
                .setRaw(io.thanosjava.storeapi.proto.store.Chunk.newBuilder()
                        .setTypeValue(c.encoding())
                        .setData(UnsafeByteOperations.unsafeWrap(c.data())))
                .build();
    }
}
