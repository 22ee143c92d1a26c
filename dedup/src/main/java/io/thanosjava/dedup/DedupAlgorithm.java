package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

/** How a group of replicas of one series is merged ({@code --deduplication.func}). */
public enum DedupAlgorithm {
    /** Follow one replica, switch only across a gap (Thanos' default). */
    PENALTY("penalty"),
    /** The union of all replicas' samples; equal timestamps kept once. */
    CHAIN("chain");

    private final String flagValue;

    DedupAlgorithm(String flagValue) {
        this.flagValue = flagValue;
    }

    /** The value {@code --deduplication.func} uses for this algorithm. */
    public String flagValue() {
        return flagValue;
    }

    /**
     * Parses a {@code --deduplication.func} value.
     *
     * @throws IllegalArgumentException for anything but {@code penalty} or {@code chain}
     */
    public static DedupAlgorithm fromFlag(String value) {
        requireNonNull(value, "value is null");
        for (DedupAlgorithm algorithm : values()) {
            if (algorithm.flagValue.equals(value)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown deduplication function \"" + value + "\": expected \"penalty\" or \"chain\"");
    }
}
