package io.thanosjava.dedup;

import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.StaleNaN;

/**
 * One replica's samples inside a penalty merge. With counter adjustment on, the leaf carries an
 * additive correction: when the merge switches replicas and this replica's current value is below
 * the value last emitted, the difference is added to every value it reports from then on, so a
 * counter never appears to reset merely because the replicas disagree on its absolute value
 * (Thanos issue 2401). Stale markers are reported untouched: adding to a NaN would change its bits.
 */
final class ReplicaLeaf extends ReplicaIterator {
    private final SampleIterator samples;
    private final boolean counterAdjustment;
    private double correction;

    ReplicaLeaf(SampleIterator samples, boolean counterAdjustment) {
        this.samples = samples;
        this.counterAdjustment = counterAdjustment;
    }

    @Override
    public boolean next() {
        return samples.next();
    }

    @Override
    public boolean seek(long t) {
        return samples.seek(t);
    }

    @Override
    public long atT() {
        return samples.atT();
    }

    @Override
    public double atV() {
        double v = samples.atV();
        return correction == 0 || StaleNaN.is(v) ? v : v + correction;
    }

    @Override
    void adjust(double lastEmitted) {
        if (counterAdjustment) {
            double v = atV();
            if (lastEmitted > v) {
                correction += lastEmitted - v;
            }
        }
    }
}
