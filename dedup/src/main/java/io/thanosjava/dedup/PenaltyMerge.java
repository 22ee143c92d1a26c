package io.thanosjava.dedup;

import io.thanosjava.model.StaleNaN;
import io.thanosjava.model.chunk.SampleBuffer;

/**
 * Penalty deduplication of two replicas in one pass: the same algorithm, step for step, as
 * {@link PenaltyDedupIterator} over two leaves (see there for the rules), without a virtual call
 * per sample. Each step emits one sample past the last, so the output strictly increases and holds
 * at most as many samples as both inputs together.
 *
 * <p>Each step takes the earlier of the two replicas' next samples (the followed one on a tie when
 * it is the first). The replica being followed is read exactly; for the other one a
 * {@link ReplicaCursor#lowerBound} suffices whenever the followed sample is not later than it,
 * which is every step while the followed replica has no gap. That outcome does not depend on
 * whether the other replica has a sample there at all: its penalty then never comes into play, and
 * no switch means no counter adjustment. Only across a gap is the other replica decoded, so
 * deduplicating replicas that are both complete costs about as much as decoding one.
 */
final class PenaltyMerge {
    private PenaltyMerge() {
    }

    /**
     * Replaces the content of {@code out} with the penalty merge of {@code a} and {@code b}, freshly
     * reset; {@code a} wins ties. {@code out} must not be a buffer either reads.
     */
    static void merge(ReplicaCursor a, ReplicaCursor b, boolean counterAdjustment, SampleBuffer out) {
        out.clear();
        boolean aOk = true;
        boolean bOk = true;
        boolean useA = true;
        long lastT = Long.MIN_VALUE;
        long penaltyA = 0;
        long penaltyB = 0;
        double correctionA = 0;
        double correctionB = 0;
        while (lastT != Long.MAX_VALUE) {
            if (lastT != Long.MIN_VALUE) {
                int emitted = useA ? followRun(a, b, true, correctionA, out) : followRun(b, a, false, correctionB, out);
                if (emitted > 0) {
                    int size = out.size();
                    long[] emittedTimes = out.timestamps();
                    lastT = emittedTimes[size - 1];
                    long penalty = PenaltyDedupIterator.penaltyAfter(emittedTimes[size - 2], lastT);
                    if (useA) {
                        penaltyB = penalty;
                    } else {
                        penaltyA = penalty;
                    }
                    if (lastT == Long.MAX_VALUE) {
                        break;
                    }
                }
            }
            // As in the iterator: only an emitted value (lastT set) anchors a counter adjustment.
            boolean onSample = counterAdjustment && lastT != Long.MIN_VALUE;
            if (aOk) {
                a.seekLazily(PenaltyDedupIterator.seekTarget(lastT, penaltyA));
            }
            if (bOk) {
                b.seekLazily(PenaltyDedupIterator.seekTarget(lastT, penaltyB));
            }
            if (lastT == Long.MIN_VALUE && aOk && bOk) {
                // Nothing followed yet: start with the replica that looks first, to decode the other one least.
                useA = a.lowerBound() <= b.lowerBound();
            }
            boolean wasUseA = useA;
            boolean settled;
            if (useA) {
                aOk = aOk && a.resolve();
                settled = aOk && bOk && a.t() <= b.lowerBound();
            } else {
                bOk = bOk && b.resolve();
                settled = aOk && bOk && b.t() < a.lowerBound();
            }
            if (!settled) {
                aOk = aOk && a.resolve();
                bOk = bOk && b.resolve();
            }
            if (aOk && bOk) {
                long tA = settled && !useA ? Long.MAX_VALUE : a.t();
                long tB = settled && useA ? Long.MAX_VALUE : b.t();
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
                lastT = a.t();
            } else if (bOk) {
                useA = false;
                penaltyB = 0;
                lastT = b.t();
            } else {
                break;
            }
            if (onSample && useA != wasUseA) {
                // A switch: both replicas were resolved, the one left being the one followed.
                double lastValue = out.values()[out.size() - 1];
                if (aOk) {
                    correctionA = adjusted(correctionA, a.v(), lastValue);
                }
                if (bOk) {
                    correctionB = adjusted(correctionB, b.v(), lastValue);
                }
            }
            out.add(lastT, useA ? corrected(a.v(), correctionA) : corrected(b.v(), correctionB));
        }
    }

    /**
     * The steps that follow the replica just emitted from, run over its decoded samples as long as
     * the other one's next sample (decoded) or bound (not yet) settles them (see the class
     * comment), each exactly as the general step would take it: the followed replica's next
     * sample, the other one's seek target raised, its penalty twice the interval. Stops at the first step the bound cannot settle, or at the end of
     * what is decoded, leaving both cursors as the general step would have.
     *
     * @return how many samples were emitted
     */
    private static int followRun(ReplicaCursor leader, ReplicaCursor other, boolean leaderIsA, double correction,
            SampleBuffer out) {
        int from = leader.index() + 1;
        int n = leader.size();
        if (from >= n) {
            return 0;
        }
        long[] ts = leader.timestamps();
        double[] vs = leader.values();
        // The other replica: its decoded samples, then a bound for what is not decoded yet.
        long[] otherTimes = other.timestamps();
        int otherSize = other.size();
        int j = other.index();
        long undecodedBound = other.boundBeyondDecoded();
        int size = out.size();
        out.ensureCapacity(n - from);
        long[] to = out.timestamps();
        double[] vo = out.values();
        long last = to[size - 1];
        long otherPenalty = PenaltyDedupIterator.penaltyAfter(size > 1 ? to[size - 2] : Long.MIN_VALUE, last);
        long otherTarget = other.target();
        int o = size;
        int i = from;
        for (; i < n; i++) {
            long t = ts[i];
            otherTarget = Math.max(otherTarget, PenaltyDedupIterator.seekTarget(last, otherPenalty));
            while (j < otherSize && otherTimes[j] < otherTarget) {
                j++;
            }
            long bound = j < otherSize ? otherTimes[j] : Math.max(otherTarget, undecodedBound);
            if (leaderIsA ? t > bound : t >= bound) {
                break;
            }
            otherPenalty = PenaltyDedupIterator.penaltyAfter(last, t);
            to[o] = t;
            vo[o++] = corrected(vs[i], correction);
            last = t;
            if (t == Long.MAX_VALUE) {
                i++;
                break;
            }
        }
        out.setSize(o);
        leader.moveTo(i - 1);
        other.moveTo(j);
        other.seekLazily(otherTarget);
        return o - size;
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
