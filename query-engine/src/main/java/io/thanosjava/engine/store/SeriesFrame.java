package io.thanosjava.engine.store;

import io.thanosjava.dedup.ChunkSeries;

/** One decoded {@code SeriesResponse} frame of a store's Series stream. */
sealed interface SeriesFrame {
    /** A {@code series} frame (one entry) or a {@code batch} frame (one or more). */
    record Series(ChunkSeries[] series) implements SeriesFrame {
    }

    /** A warning the store sent instead of data. */
    record Warning(String text) implements SeriesFrame {
    }

    /** Nothing a querier reads: hints, an empty batch, or an empty frame. */
    record Ignored() implements SeriesFrame {
    }

    /** Bytes that are not a valid frame, or chunks that fail verification. */
    record Invalid(String reason) implements SeriesFrame {
    }

    Ignored IGNORED = new Ignored();
}
