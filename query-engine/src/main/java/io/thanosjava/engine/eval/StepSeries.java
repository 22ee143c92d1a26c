package io.thanosjava.engine.eval;

import io.thanosjava.model.Labels;
import java.util.Arrays;

/**
 * One output series of an instant-vector expression over every step of a grid: a value per step
 * and a bit saying whether the series has a sample at that step. Labels are resolved once per
 * operator, never per step.
 */
public final class StepSeries {
    public Labels labels;
    /** Set under delayed name removal: {@code __name__} is dropped when evaluation ends. */
    public boolean dropName;
    final double[] values;
    private final long[] present;
    private int count;

    public StepSeries(Labels labels, int steps) {
        this.labels = labels;
        this.values = new double[steps];
        this.present = new long[(steps + 63) >>> 6];
    }

    /** Empties this series for reuse under new labels. */
    void reset(Labels newLabels) {
        labels = newLabels;
        dropName = false;
        Arrays.fill(present, 0);
        count = 0;
    }

    /** Whether this and {@code o} have samples at the same steps. */
    boolean samePresence(StepSeries o) {
        return Arrays.equals(present, o.present);
    }

    /** Whether every step has a sample. */
    boolean isFull() {
        return count == values.length;
    }

    public int steps() {
        return values.length;
    }

    public boolean has(int step) {
        return (present[step >>> 6] & (1L << step)) != 0;
    }

    public double get(int step) {
        return values[step];
    }

    public void set(int step, double v) {
        long bit = 1L << step;
        int w = step >>> 6;
        if ((present[w] & bit) == 0) {
            present[w] |= bit;
            count++;
        }
        values[step] = v;
    }

    /** Number of steps with a sample. */
    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Whether this and {@code o} both have a sample at some step. */
    boolean overlaps(StepSeries o) {
        for (int i = 0; i < present.length; i++) {
            if ((present[i] & o.present[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Copies every sample of {@code o} into this series. */
    void absorb(StepSeries o) {
        for (int s = 0; s < values.length; s++) {
            if (o.has(s)) {
                set(s, o.values[s]);
            }
        }
    }
}
