package io.thanosjava.dedup;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.SampleBuffer;
import java.util.List;

/**
 * One replica as {@link PenaltyMerge} reads it: a strictly increasing sample sequence with a seek
 * that is only recorded ({@link #seekLazily}) until the merge needs the sample it lands on
 * ({@link #resolve}). A replica given as chunks is decoded a chunk at a time, and only when
 * resolved; while the merge follows the other replica it asks for a {@link #lowerBound} instead,
 * which usually settles the step without decoding. So the replica not followed is mostly skipped.
 *
 * <p>Seeks move forward only, as on an iterator: the sample resolved is the first at or after the
 * latest of all targets recorded. Reused replica after replica; not thread-safe.
 */
final class ReplicaCursor {
    private final ChunkDecoder decoder = new ChunkDecoder();
    /** One chunk's samples at a time, for a replica given as chunks. */
    private final SampleBuffer decoded = new SampleBuffer();
    private SampleBuffer samples;
    /** Whether {@link #decoder} may still append samples to {@link #samples}. */
    private boolean more;
    /** Index in {@link #samples} of the first sample not known to be before {@link #target}. */
    private int index;
    /** The latest seek target recorded. */
    private long target;

    /** Reads {@code chunks} (one chain, see {@link OverlapSplit}) within {@code [mint, maxt]}; decodes nothing yet. */
    ReplicaCursor reset(List<Chunk> chunks, long mint, long maxt) {
        decoded.clear();
        decoder.start(chunks, mint, maxt, decoded);
        return reset(decoded, true);
    }

    /** Reads samples already decoded, strictly increasing. */
    ReplicaCursor reset(SampleBuffer buffer) {
        return reset(buffer, false);
    }

    private ReplicaCursor reset(SampleBuffer buffer, boolean decodes) {
        samples = buffer;
        more = decodes;
        index = 0;
        target = Long.MIN_VALUE;
        return this;
    }

    /** Records a seek to the first sample at or after {@code t}. */
    void seekLazily(long t) {
        if (t > target) {
            target = t;
        }
    }

    /**
     * Carries out the recorded seek, decoding as far as needed; true when a sample is there, to be
     * read with {@link #t} and {@link #v}.
     */
    boolean resolve() {
        while (!skipDecoded()) {
            if (!more) {
                return false;
            }
            // Every decoded sample is behind the target: the merge never looks back, so drop them.
            decoded.clear();
            index = 0;
            more = decoder.appendNext(target);
        }
        return true;
    }

    /**
     * A time that the sample {@link #resolve} would give is not before, found without decoding: the
     * sample itself when already decoded, else the target or what the chunks' heads tell;
     * {@code Long.MAX_VALUE} when it is known that there is none.
     */
    long lowerBound() {
        if (skipDecoded()) {
            return samples.timestamps()[index];
        }
        return Math.max(target, boundBeyondDecoded());
    }

    /**
     * A time that no sample beyond those decoded is before, target aside; it cannot change until
     * the next decode. {@code Long.MAX_VALUE} when no sample is left to decode.
     */
    long boundBeyondDecoded() {
        return more ? decoder.pendingLowerBound() : Long.MAX_VALUE;
    }

    /** The latest seek target recorded. */
    long target() {
        return target;
    }

    /** The samples decoded so far and the index of the resolved one, for a merge reading ahead in place. */
    long[] timestamps() {
        return samples.timestamps();
    }

    double[] values() {
        return samples.values();
    }

    int size() {
        return samples.size();
    }

    int index() {
        return index;
    }

    /** Moves to a later decoded sample, those before it being behind the target or read. */
    void moveTo(int i) {
        index = i;
    }

    /** Moves past the decoded samples before the target; true when one at or after it is decoded. */
    private boolean skipDecoded() {
        long[] ts = samples.timestamps();
        int n = samples.size();
        int i = index;
        while (i < n && ts[i] < target) {
            i++;
        }
        index = i;
        return i < n;
    }

    /** The resolved sample's timestamp. */
    long t() {
        return samples.timestamps()[index];
    }

    /** The resolved sample's value. */
    double v() {
        return samples.values()[index];
    }
}
