package io.thanosjava.dedup;

import io.thanosjava.model.chunk.SampleBuffer;

/** A series whose samples are computed all at once in a borrowed {@link SeriesScratch}. */
interface SampleSource {
    /** Decodes (and merges) the series' samples in {@code scratch}; returns the buffer holding them. */
    SampleBuffer decode(SeriesScratch scratch);
}
