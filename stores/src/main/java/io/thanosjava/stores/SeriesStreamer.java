package io.thanosjava.stores;

import io.grpc.stub.ServerCallStreamObserver;

/**
 * Sends a {@link SeriesPlan} with gRPC flow control: frames are built only while the transport
 * {@linkplain ServerCallStreamObserver#isReady() is ready}, and the rest waits for the next
 * on-ready callback. A slow reader therefore holds back the store instead of making it buffer the
 * whole answer. gRPC calls {@link #drain} and {@link #cancel} serially, never concurrently. Frames are
 * written as protobuf bytes by one {@link SeriesFrameEncoder} per call.
 */
final class SeriesStreamer {
    /** Batches above this many series gain nothing and only make frames huge. */
    private static final int MAX_BATCH = 1024;

    private final SeriesPlan plan;
    private final SeriesSelection selection;
    private final boolean skipChunks;
    private final int batchSize;
    private final ServerCallStreamObserver<EncodedFrame> call;
    private final StoreMetrics metrics;
    private final SeriesFrameEncoder encoder = new SeriesFrameEncoder();
    private int next;
    private boolean finished;
    private volatile boolean cancelled;

    SeriesStreamer(SeriesPlan plan, SeriesSelection selection, boolean skipChunks, long responseBatchSize,
            ServerCallStreamObserver<EncodedFrame> call, StoreMetrics metrics) {
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
                call.onNext(frame());
                metrics.framesSent.increment();
            }
            if (next >= plan.size()) {
                finished = true;
                call.onCompleted();
            }
        } catch (RuntimeException e) {
            finished = true;
            metrics.failedCalls.increment();
            call.onError(StoreErrors.status("series", e).asRuntimeException());
        }
    }

    /** The next frame: up to {@code batchSize} series, as a {@code batch} frame unless one per frame was asked. */
    private EncodedFrame frame() {
        int end = Math.min(plan.size(), next + batchSize);
        while (next < end) {
            encoder.addSeries(plan.labels(next), selection, plan.selectionIndex(next), skipChunks);
            metrics.chunksSent.add(encoder.lastChunkCount());
            metrics.seriesSent.increment();
            next++;
        }
        return encoder.finish(batchSize > 1);
    }
}
