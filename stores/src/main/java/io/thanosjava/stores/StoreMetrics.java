package io.thanosjava.stores;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one StoreAPI server, rendered in the Prometheus text format by {@link #appendTo}.
 * Thread-safe and cheap to bump from request threads.
 */
public final class StoreMetrics {
    final LongAdder seriesCalls = new LongAdder();
    final LongAdder seriesSent = new LongAdder();
    final LongAdder chunksSent = new LongAdder();
    final LongAdder framesSent = new LongAdder();
    final LongAdder labelNamesCalls = new LongAdder();
    final LongAdder labelValuesCalls = new LongAdder();
    final LongAdder infoCalls = new LongAdder();
    final LongAdder failedCalls = new LongAdder();

    /** Series frames ({@code series} or {@code batch}) handed to gRPC so far. */
    public long framesSent() {
        return framesSent.sum();
    }

    public long seriesSent() {
        return seriesSent.sum();
    }

    public long chunksSent() {
        return chunksSent.sum();
    }

    public long seriesCalls() {
        return seriesCalls.sum();
    }

    /** Appends every counter in the Prometheus text exposition format (version 0.0.4). */
    public StringBuilder appendTo(StringBuilder out) {
        counter(out, "thanosjava_store_series_requests_total", "Series calls received.", seriesCalls);
        counter(out, "thanosjava_store_series_sent_total", "Series sent in Series responses.", seriesSent);
        counter(out, "thanosjava_store_chunks_sent_total", "Chunks sent in Series responses.", chunksSent);
        counter(out, "thanosjava_store_series_frames_sent_total", "Series and batch frames sent.", framesSent);
        counter(out, "thanosjava_store_label_names_requests_total", "LabelNames calls received.", labelNamesCalls);
        counter(out, "thanosjava_store_label_values_requests_total", "LabelValues calls received.", labelValuesCalls);
        counter(out, "thanosjava_store_info_requests_total", "Info calls received (both services).", infoCalls);
        counter(out, "thanosjava_store_failed_requests_total", "Calls answered with an error status.", failedCalls);
        return out;
    }

    private static void counter(StringBuilder out, String name, String help, LongAdder value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name).append(' ').append(value.sum()).append('\n');
    }
}
