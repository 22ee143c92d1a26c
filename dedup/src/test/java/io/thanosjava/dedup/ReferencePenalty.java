package io.thanosjava.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain model of the penalty algorithm for two replicas, written from the wire
 * specification (section 5.3/5.4) over index cursors into lists, to check the streaming iterator.
 */
final class ReferencePenalty {
    private ReferencePenalty() {
    }

    static List<Sample> dedup(List<Sample> a, List<Sample> b, boolean counter) {
        List<Sample> out = new ArrayList<>();
        int ia = 0; // cursor: index of A's current sample; a.size() when exhausted
        int ib = 0;
        double errA = 0;
        double errB = 0;
        long lastT = Long.MIN_VALUE;
        long penA = 0;
        long penB = 0;
        boolean useA = true;
        while (true) {
            boolean aHas = ia < a.size();
            boolean bHas = ib < b.size();
            boolean wasUseA = useA;
            // Only a value that was emitted can anchor an adjustment.
            boolean onSample = lastT != Long.MIN_VALUE && (wasUseA ? aHas : bHas);
            double lastValue = !onSample ? 0 : wasUseA ? value(a.get(ia), errA) : value(b.get(ib), errB);
            if (aHas) {
                ia = seek(a, ia, lastT + 1 + penA);
            }
            if (bHas) {
                ib = seek(b, ib, lastT + 1 + penB);
            }
            aHas = ia < a.size();
            bHas = ib < b.size();
            if (!aHas && !bHas) {
                return out;
            }
            if (!aHas) {
                useA = false;
            } else if (!bHas) {
                useA = true;
            } else {
                useA = a.get(ia).t() <= b.get(ib).t();
                long chosenT = useA ? a.get(ia).t() : b.get(ib).t();
                long penalty = lastT == Long.MIN_VALUE ? 5000 : 2 * (chosenT - lastT);
                if (useA) {
                    penB = penalty;
                } else {
                    penA = penalty;
                }
            }
            if (useA) {
                penA = 0;
                lastT = a.get(ia).t();
            } else {
                penB = 0;
                lastT = b.get(ib).t();
            }
            if (counter && useA != wasUseA && onSample) {
                if (aHas && lastValue > value(a.get(ia), errA)) {
                    errA += lastValue - value(a.get(ia), errA);
                }
                if (bHas && lastValue > value(b.get(ib), errB)) {
                    errB += lastValue - value(b.get(ib), errB);
                }
            }
            out.add(useA ? Sample.of(lastT, value(a.get(ia), errA)) : Sample.of(lastT, value(b.get(ib), errB)));
        }
    }

    private static double value(Sample s, double err) {
        return err == 0 || s.bits() == io.thanosjava.model.StaleNaN.BITS ? s.v() : s.v() + err;
    }

    /** Index of the first sample at or after {@code cursor} with time {@code >= t}. */
    private static int seek(List<Sample> samples, int cursor, long t) {
        while (cursor < samples.size() && samples.get(cursor).t() < t) {
            cursor++;
        }
        return cursor;
    }
}
