package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.SampleIterator;

/**
 * The union of several sample iterators in time order; when several inputs hold a sample at the same
 * timestamp, the one from the earliest input is kept and the others are skipped (Prometheus'
 * chained merge, Thanos' {@code chain} deduplication). Inputs are expected in ascending time order;
 * an input sample not after the last emitted one is skipped, so the output strictly increases.
 *
 * <p>A linear scan over the inputs' heads, which beats a heap for the handful of replicas or
 * overlapping chunks this merges.
 */
public final class ChainMergeIterator implements SampleIterator {
    private final SampleIterator[] inputs;
    private final boolean[] live;
    private boolean started;
    private boolean exhausted;
    private int current;
    private long lastT = Long.MIN_VALUE;

    public ChainMergeIterator(SampleIterator... inputs) {
        requireNonNull(inputs, "inputs is null");
        this.inputs = inputs.clone();
        for (SampleIterator input : this.inputs) {
            requireNonNull(input, "input is null");
        }
        this.live = new boolean[inputs.length];
    }

    @Override
    public boolean next() {
        if (exhausted) {
            return false;
        }
        if (!started) {
            started = true;
            for (int i = 0; i < inputs.length; i++) {
                live[i] = inputs[i].next();
            }
            return pick(Long.MIN_VALUE);
        }
        // Long.MAX_VALUE is the last possible timestamp; nothing can follow it.
        return lastT != Long.MAX_VALUE && pick(lastT + 1);
    }

    @Override
    public boolean seek(long t) {
        if (exhausted) {
            return false;
        }
        if (!started) {
            started = true;
            for (int i = 0; i < inputs.length; i++) {
                live[i] = inputs[i].seek(t);
            }
            return pick(t);
        }
        return lastT >= t || pick(t);
    }

    /**
     * Moves inputs behind {@code floor} up to it, then chooses the input with the smallest
     * timestamp, the earliest input on ties.
     */
    private boolean pick(long floor) {
        int best = -1;
        long bestT = Long.MAX_VALUE;
        for (int i = 0; i < inputs.length; i++) {
            if (live[i]) {
                long t = inputs[i].atT();
                if (t < floor) {
                    live[i] = inputs[i].seek(floor);
                    if (!live[i]) {
                        continue;
                    }
                    t = inputs[i].atT();
                }
                if (best < 0 || t < bestT) {
                    best = i;
                    bestT = t;
                }
            }
        }
        current = best;
        if (best < 0) {
            exhausted = true;
            return false;
        }
        lastT = bestT;
        return true;
    }

    @Override
    public long atT() {
        return lastT;
    }

    @Override
    public double atV() {
        return inputs[current].atV();
    }
}
