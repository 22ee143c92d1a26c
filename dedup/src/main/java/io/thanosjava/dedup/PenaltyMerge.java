package io.thanosjava.dedup;

import io.thanosjava.model.StaleNaN;
import io.thanosjava.model.chunk.SampleBuffer;

/**
 * Penalty deduplication of two decoded replicas in one pass over their arrays: the same algorithm,
 * step for step, as {@link PenaltyDedupIterator} over two leaves (see there for the rules), without
 * a virtual call per sample. Each step emits one sample past the last, so the output strictly
 * increases and holds at most as many samples as both inputs together.
 */
final class PenaltyMerge {
    private PenaltyMerge() {
    }

    /**
     * Replaces the content of {@code out} with the penalty merge of {@code a} and {@code b}, which
     * must be strictly increasing; {@code a} wins ties. {@code out} must be neither input.
     */
    static void merge(SampleBuffer a, SampleBuffer b, boolean counterAdjustment, SampleBuffer out) {
        int na = a.size();
        int nb = b.size();
        long[] ta = a.timestamps();
        double[] va = a.values();
        long[] tb = b.timestamps();
        double[] vb = b.values();
        out.clear();
        out.ensureCapacity(na + nb);
        long[] to = out.timestamps();
        double[] vo = out.values();
        int o = 0;
        int i = 0;
        int j = 0;
        boolean aOk = na > 0;
        boolean bOk = nb > 0;
        boolean useA = true;
        long lastT = Long.MIN_VALUE;
        long penaltyA = 0;
        long penaltyB = 0;
        double correctionA = 0;
        double correctionB = 0;
        while (lastT != Long.MAX_VALUE) {
            boolean wasUseA = useA;
            // As in the iterator: only an emitted value (lastT set) anchors a counter adjustment.
            boolean onSample = counterAdjustment && lastT != Long.MIN_VALUE;
            if (aOk) {
                long target = PenaltyDedupIterator.seekTarget(lastT, penaltyA);
                while (i < na && ta[i] < target) {
                    i++;
                }
                aOk = i < na;
            }
            if (bOk) {
                long target = PenaltyDedupIterator.seekTarget(lastT, penaltyB);
                while (j < nb && tb[j] < target) {
                    j++;
                }
                bOk = j < nb;
            }
            if (aOk && bOk) {
                long tA = ta[i];
                long tB = tb[j];
                useA = tA <= tB;
                long chosen = useA ? tA : tB;
                long penalty = PenaltyDedupIterator.penaltyAfter(lastT, chosen);
                if (useA) {
                    penaltyA = 0;
                    penaltyB = penalty;
                } else {
                    penaltyA = penalty;
                    penaltyB = 0;
                }
                lastT = chosen;
            } else if (aOk) {
                useA = true;
                penaltyA = 0;
                lastT = ta[i];
            } else if (bOk) {
                useA = false;
                penaltyB = 0;
                lastT = tb[j];
            } else {
                break;
            }
            if (onSample && useA != wasUseA) {
                double lastValue = vo[o - 1];
                if (aOk) {
                    correctionA = adjusted(correctionA, va[i], lastValue);
                }
                if (bOk) {
                    correctionB = adjusted(correctionB, vb[j], lastValue);
                }
            }
            to[o] = lastT;
            vo[o++] = useA ? corrected(va[i], correctionA) : corrected(vb[j], correctionB);
        }
        out.setSize(o);
    }

    /** A replica's value with its correction; stale markers keep their bits. */
    private static double corrected(double v, double correction) {
        return correction == 0 || StaleNaN.is(v) ? v : v + correction;
    }

    /** The correction after a switch: raised so that the replica's value is not below the last emitted one. */
    private static double adjusted(double correction, double raw, double lastEmitted) {
        double v = corrected(raw, correction);
        return lastEmitted > v ? correction + (lastEmitted - v) : correction;
    }
}
