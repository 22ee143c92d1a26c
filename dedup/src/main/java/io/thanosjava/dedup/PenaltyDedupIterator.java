package io.thanosjava.dedup;

/**
 * Thanos' penalty deduplication of two replicas: follow one replica and switch to the other only
 * across a gap. Wider groups nest left to right, {@code ((r0 + r1) + r2) + ...}.
 *
 * <p>Each step seeks both sides to just after the last emitted timestamp plus that side's penalty
 * and emits the earlier sample (side A on ties). The side not chosen is penalised with twice the
 * interval just observed (5000 ms before any interval is known), so interleaved scrapes of two
 * replicas are not both emitted; samples passed over by a seek are never revisited. When the chosen
 * side changes, both sides are {@linkplain ReplicaIterator#adjust adjusted} with the value emitted
 * before the switch.
 *
 * <p>{@link #seek} steps with {@link #next} rather than seeking the children, as Thanos does, so a
 * gap is never jumped over blindly. Unlike Thanos it also applies this to a seek before the first
 * {@code next}, which keeps output timestamps strictly increasing in every call order, and it never
 * adjusts counters before the first sample has been emitted.
 */
final class PenaltyDedupIterator extends ReplicaIterator {
    static final long INITIAL_PENALTY_MILLIS = 5000;

    private final ReplicaIterator a;
    private final ReplicaIterator b;
    /** Whether switches must adjust the sides; when not, the last value need not be read per step. */
    private final boolean counterAdjustment;
    private boolean aOk;
    private boolean bOk;
    private boolean primed;
    private boolean started;
    private boolean exhausted;
    private boolean useA = true;
    private long lastT = Long.MIN_VALUE;
    private long penaltyA;
    private long penaltyB;

    PenaltyDedupIterator(ReplicaIterator a, ReplicaIterator b, boolean counterAdjustment) {
        this.a = a;
        this.b = b;
        this.counterAdjustment = counterAdjustment;
    }

    @Override
    public boolean next() {
        if (exhausted) {
            return false;
        }
        if (!primed) {
            // Thanos positions both sides on construction; done lazily so building is free.
            primed = true;
            aOk = a.next();
            bOk = b.next();
        }
        boolean wasUseA = useA;
        // Only a value that was emitted can anchor an adjustment. Before the first sample the
        // current side is merely positioned: Thanos adjusts against that value too, which shifts a
        // replica that starts earlier and loses the increase at its next switch (rate comes out low).
        boolean onSample = counterAdjustment && lastT != Long.MIN_VALUE && (wasUseA ? aOk : bOk);
        double lastValue = onSample ? (wasUseA ? a.atV() : b.atV()) : 0;
        if (lastT == Long.MAX_VALUE) {
            // Nothing can follow the last representable timestamp.
            exhausted = true;
            return false;
        }
        if (aOk) {
            aOk = a.seek(seekTarget(lastT, penaltyA));
        }
        if (bOk) {
            bOk = b.seek(seekTarget(lastT, penaltyB));
        }
        boolean found = choose();
        if (useA != wasUseA && onSample) {
            if (aOk) {
                a.adjust(lastValue);
            }
            if (bOk) {
                b.adjust(lastValue);
            }
        }
        started = true;
        exhausted = !found;
        return found;
    }

    private boolean choose() {
        if (!aOk) {
            useA = false;
            if (bOk) {
                lastT = b.atT();
                penaltyB = 0;
            }
            return bOk;
        }
        if (!bOk) {
            useA = true;
            lastT = a.atT();
            penaltyA = 0;
            return true;
        }
        long ta = a.atT();
        long tb = b.atT();
        useA = ta <= tb;
        if (useA) {
            penaltyB = penaltyAfter(lastT, ta);
            penaltyA = 0;
            lastT = ta;
        } else {
            penaltyA = penaltyAfter(lastT, tb);
            penaltyB = 0;
            lastT = tb;
        }
        return true;
    }

    /** Twice the interval from the last emitted sample to {@code t}, saturating; the initial penalty before any. */
    static long penaltyAfter(long lastT, long t) {
        if (lastT == Long.MIN_VALUE) {
            return INITIAL_PENALTY_MILLIS;
        }
        long interval = t - lastT;
        return interval < 0 || interval > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : interval * 2;
    }

    /** {@code lastT + 1 + penalty}, saturating at {@code Long.MAX_VALUE}. */
    static long seekTarget(long lastT, long penalty) {
        long target = lastT + 1 + penalty;
        return target < lastT ? Long.MAX_VALUE : target;
    }

    @Override
    public boolean seek(long t) {
        if (!started && !next()) {
            return false;
        }
        while (!exhausted && atT() < t) {
            next();
        }
        return !exhausted;
    }

    /** The chosen side's timestamp, which {@code lastT} always holds once positioned. */
    @Override
    public long atT() {
        return lastT;
    }

    @Override
    public double atV() {
        return useA ? a.atV() : b.atV();
    }

    @Override
    void adjust(double lastEmitted) {
        if (aOk) {
            a.adjust(lastEmitted);
        }
        if (bOk) {
            b.adjust(lastEmitted);
        }
    }
}
