package io.thanosjava.engine.store;

import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.thanosjava.dedup.ChunkSeries;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.dedup.CursorChunkSeriesSet;
import io.thanosjava.engine.QueryException;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One store's answer to a Series call, read as a {@link ChunkSeriesSet}.
 *
 * <p><b>Flow control.</b> The call runs with manual flow control: at most {@code bufferedFrames} frames
 * are requested ahead of the consumer, and one more each time the consumer takes one, so a fast store
 * never holds more than that many frames in this process. Frames are decoded ({@link SeriesFrameDecoder}:
 * labels, chunk bytes, chunk verification) on gRPC's executor as they arrive, in parallel across stores.
 *
 * <p><b>Framing.</b> {@code batch} frames are unpacked; consecutive entries with equal labels (a store
 * splitting one series over several frames) are joined. A series is handed out only once the store has
 * moved on to another label set or ended its stream successfully, so a stream that breaks mid-series
 * never yields that series truncated: its partial series is dropped. Under
 * {@link PartialResponseStrategy#WARN} the failure becomes a warning naming the store and saying that
 * the rest of its data is missing; under {@link PartialResponseStrategy#ABORT} {@link #next()} throws a
 * {@link QueryException} naming it. A store's own warning frames are kept (WARN) or fatal (ABORT). A
 * store whose series go backwards in label order has failed in the same way.
 *
 * <p><b>Timeouts.</b> With a response timeout, a watchdog cancels the call when the store sends nothing
 * for that long while frames are owed to us (a consumer that is merely slow does not count against the
 * store). The call's deadline bounds it as a whole. {@link #close()} cancels a call still running.
 */
final class SeriesStream extends CursorChunkSeriesSet {
    private static final Object END = new Object();

    private record StoreWarning(String text) {
    }

    private record Failure(String message) {
    }

    private final String store;
    private final PartialResponseStrategy strategy;
    private final ClientCall<SeriesRequest, SeriesFrame> call;
    private final long responseTimeoutNanos;
    private final ScheduledExecutorService scheduler;

    /** Frames, warnings, then END or one Failure. Bounded by the frames requested. */
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** Frames requested from the store and not received yet. */
    private final AtomicInteger owed = new AtomicInteger();
    /** Frames consumed (or skipped) whose credit has not been returned to the store yet. */
    private final AtomicInteger unrequested = new AtomicInteger();
    private final int creditBatch;
    private volatile long lastProgressNanos;
    /** Set once a failure or END was queued; later events are ignored. Written by gRPC threads. */
    private volatile boolean terminated;

    // Consumer state (one thread).
    private final List<String> warnings = new ArrayList<>();
    private ChunkSeries[] frame;
    private int frameIndex;
    private ChunkSeries peek;
    private boolean started;
    private boolean finished;
    private int completeSeries;

    private SeriesStream(String store, PartialResponseStrategy strategy, ClientCall<SeriesRequest, SeriesFrame> call,
            FanoutOptions options, ScheduledExecutorService scheduler) {
        this.store = store;
        this.strategy = strategy;
        this.call = call;
        this.responseTimeoutNanos = options.responseTimeout().toNanos();
        this.scheduler = scheduler;
        this.creditBatch = Math.max(1, options.bufferedFrames() / 2);
    }

    /** Starts the call: sends the request and asks for the first frames. */
    static SeriesStream open(String store, PartialResponseStrategy strategy, ClientCall<SeriesRequest, SeriesFrame> call,
            SeriesRequest request, Metadata headers, FanoutOptions options, ScheduledExecutorService scheduler) {
        SeriesStream stream = new SeriesStream(store, strategy, call, options, scheduler);
        stream.start(request, headers, options.bufferedFrames());
        return stream;
    }

    private void start(SeriesRequest request, Metadata headers, int initialFrames) {
        lastProgressNanos = System.nanoTime();
        call.start(new Listener(), headers);
        owed.addAndGet(initialFrames);
        call.request(initialFrames);
        call.sendMessage(request);
        call.halfClose();
        if (responseTimeoutNanos > 0) {
            scheduler.schedule(this::checkProgress, responseTimeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Watchdog: fails the stream when frames are owed and none came for the response timeout. */
    private void checkProgress() {
        if (terminated) {
            return;
        }
        long idle = System.nanoTime() - lastProgressNanos;
        if (owed.get() > 0 && idle >= responseTimeoutNanos) {
            String message = "failed to receive any data in " + formatNanos(responseTimeoutNanos) + " from " + store;
            fail(message);
            call.cancel(message, null);
            return;
        }
        long wait = owed.get() > 0 ? responseTimeoutNanos - idle : responseTimeoutNanos;
        scheduler.schedule(this::checkProgress, Math.max(wait, 1), TimeUnit.NANOSECONDS);
    }

    private static String formatNanos(long nanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    private synchronized void fail(String message) {
        if (!terminated) {
            terminated = true;
            queue.add(new Failure(message));
        }
    }

    private synchronized void end() {
        if (!terminated) {
            terminated = true;
            queue.add(END);
        }
    }

    private final class Listener extends ClientCall.Listener<SeriesFrame> {
        @Override
        public void onMessage(SeriesFrame frame) {
            owed.decrementAndGet();
            lastProgressNanos = System.nanoTime();
            if (terminated) {
                return;
            }
            if (frame instanceof SeriesFrame.Series s) {
                queue.add(s.series());
            } else if (frame instanceof SeriesFrame.Warning w) {
                queue.add(new StoreWarning(w.text()));
            } else if (frame instanceof SeriesFrame.Invalid invalid) {
                String message = "receive series from " + store + ": invalid response: " + invalid.reason();
                fail(message);
                call.cancel(message, null);
            } else {
                requestMore();
            }
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            if (status.isOk()) {
                end();
            } else {
                String description = status.getDescription() == null ? "" : ": " + status.getDescription();
                Throwable cause = status.getCause();
                if (description.isEmpty() && cause != null) {
                    description = ": " + cause;
                }
                fail("receive series from " + store + ": " + status.getCode() + description);
            }
        }
    }

    /**
     * Returns one frame's credit to the store. Credits are handed back in groups of half the buffer:
     * each {@code request} costs a hop to gRPC's executor, which per single frame dominated receiving.
     */
    private void requestMore() {
        int credits = unrequested.incrementAndGet();
        if (credits >= creditBatch && unrequested.compareAndSet(credits, 0)) {
            owed.addAndGet(credits);
            lastProgressNanos = System.nanoTime();
            call.request(credits);
        }
    }

    @Override
    public boolean next() {
        if (finished) {
            return false;
        }
        if (!started) {
            started = true;
            peek = pull();
        }
        if (peek == null) {
            finish();
            return false;
        }
        Labels current = peek.labels();
        List<Chunk> collected = peek.chunks();
        boolean copied = false;
        peek = pull();
        int order = 1;
        while (peek != null && (order = peek.labels().compareTo(current)) == 0) {
            if (!copied) {
                collected = new ArrayList<>(collected);
                copied = true;
            }
            collected.addAll(peek.chunks());
            peek = pull();
        }
        if (order < 0) {
            String message = "receive series from " + store + ": series out of order: " + peek.labels()
                    + " after " + current;
            call.cancel(message, null);
            peek = null;
            onFailure(message);
        }
        if (peek == null && !finished) {
            // The stream failed (WARN): the series being assembled may be incomplete, so it is dropped.
            clearCurrent();
            return false;
        }
        completeSeries++;
        moveTo(current, collected);
        return true;
    }

    /**
     * The next received entry; {@code null} at the end of the stream, with {@code finished} set when it
     * ended successfully and left unset when it failed under WARN.
     */
    private ChunkSeries pull() {
        while (frame == null || frameIndex == frame.length) {
            frame = null;
            Object item = take();
            if (item == END) {
                finished = true;
                return null;
            }
            if (item instanceof Failure failure) {
                onFailure(failure.message());
                return null;
            }
            if (item instanceof StoreWarning warning) {
                onStoreWarning(warning.text());
                continue;
            }
            frame = (ChunkSeries[]) item;
            frameIndex = 0;
            requestMore();
        }
        return frame[frameIndex++];
    }

    private Object take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new QueryException(QueryException.Type.CANCELED, "query canceled while receiving series from " + store);
        }
    }

    private void onFailure(String message) {
        close();
        if (strategy == PartialResponseStrategy.ABORT) {
            throw new QueryException(QueryException.Type.EXECUTION, message);
        }
        warnings.add(message + " (partial response: the data of " + store + " after its "
                + completeSeries + " complete series is missing)");
        finishFailed();
    }

    private void onStoreWarning(String text) {
        if (strategy == PartialResponseStrategy.ABORT) {
            close();
            throw new QueryException(QueryException.Type.EXECUTION, "store " + store + " warned: " + text);
        }
        warnings.add(text);
    }

    private void finish() {
        finished = true;
        clearCurrent();
    }

    /** After a failure under WARN: no more series, nothing held. */
    private void finishFailed() {
        frame = null;
        terminated = true;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        if (!terminated) {
            terminated = true;
            call.cancel("series no longer needed", null);
        }
        queue.clear();
        frame = null;
    }
}
