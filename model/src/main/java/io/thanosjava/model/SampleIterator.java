package io.thanosjava.model;

/**
 * A forward-only cursor over float samples in time order, on primitives.
 *
 * <p>Usage: {@code while (it.next()) { long t = it.atT(); double v = it.atV(); }}. Values keep their
 * raw bits (NaN payloads, the stale marker {@link StaleNaN#BITS}).
 */
public interface SampleIterator {
    /** Advances to the next sample; {@code false} when exhausted. */
    boolean next();

    /**
     * Advances to the first sample with timestamp {@code >= t}, staying put if the current sample
     * already satisfies it; {@code false} when no such sample exists. Never moves backwards.
     */
    boolean seek(long t);

    /** Timestamp of the current sample in milliseconds. */
    long atT();

    /** Value of the current sample. */
    double atV();

    SampleIterator EMPTY = new SampleIterator() {
        @Override public boolean next() { return false; }
        @Override public boolean seek(long t) { return false; }
        @Override public long atT() { throw new IllegalStateException("empty iterator"); }
        @Override public double atV() { throw new IllegalStateException("empty iterator"); }
    };
}
