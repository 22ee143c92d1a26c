package io.thanosjava.dedup;

import io.thanosjava.model.SampleIterator;

/**
 * A sample iterator that penalty deduplication can switch away from and back to: when the combined
 * iterator switches replicas it tells both sides the last value it emitted, so a counter can be
 * corrected upward instead of appearing to reset.
 */
abstract class ReplicaIterator implements SampleIterator {
    /** Called on a replica switch, only while this iterator is positioned on a sample. */
    abstract void adjust(double lastEmitted);
}
