package io.thanosjava.dedup;

import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.chunk.SampleBuffer;

/**
 * Iterates one series' samples, computed on the first {@code next} or {@code seek} into buffers
 * borrowed from the series set's {@link ScratchPool} and given back as soon as the iterator is
 * exhausted. Per sample it only steps an index over primitive arrays, and a series allocates
 * nothing but this iterator once the pool's buffers have grown.
 */
final class ScratchSampleIterator implements SampleIterator {
    private static final long[] NO_TIMESTAMPS = new long[0];
    private static final double[] NO_VALUES = new double[0];

    private final SampleSource source;
    private final ScratchPool pool;
    private SeriesScratch scratch;
    private boolean decoded;
    private long[] timestamps = NO_TIMESTAMPS;
    private double[] values = NO_VALUES;
    private int size;
    /** -1 before the first sample; {@code size} once exhausted. */
    private int index = -1;

    ScratchSampleIterator(SampleSource source, ScratchPool pool) {
        this.source = source;
        this.pool = pool;
    }

    @Override
    public boolean next() {
        int i = index + 1;
        if (i < size) {
            index = i;
            return true;
        }
        if (!decoded) {
            decode();
            return next();
        }
        return finish();
    }

    @Override
    public boolean seek(long t) {
        if (!decoded) {
            decode();
        }
        int i = index;
        if (i >= size) {
            return false;
        }
        if (i >= 0 && timestamps[i] >= t) {
            return true;
        }
        index = ArraySampleIterator.firstAtOrAfter(timestamps, i + 1, size, t);
        return index < size || finish();
    }

    private void decode() {
        decoded = true;
        scratch = pool.borrow();
        SampleBuffer samples;
        try {
            samples = source.decode(scratch);
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
        timestamps = samples.timestamps();
        values = samples.values();
        size = samples.size();
    }

    /** Gives the buffers back: from here on they belong to the next series. */
    private boolean finish() {
        if (scratch != null) {
            pool.release(scratch);
            scratch = null;
        }
        timestamps = NO_TIMESTAMPS;
        values = NO_VALUES;
        size = 0;
        index = 0;
        return false;
    }

    @Override
    public long atT() {
        return timestamps[index];
    }

    @Override
    public double atV() {
        return values[index];
    }
}
