package io.thanosjava.engine;

/** How replicas of one series are merged ({@code --deduplication.func}). */
public enum DedupFunction {
    /** Thanos' default: follow one replica and switch only after a gap, with a penalty against flapping. */
    PENALTY,
    /** Merge all replicas' samples by timestamp, as a chain of overlapping blocks. */
    CHAIN
}
