package io.thanosjava.engine.functions;

/**
 * The float fold of one aggregation group ({@code sum}, {@code avg}, {@code stdvar}) at every step
 * of a query: {@link #first} starts the group at a step with its first value, {@link #add} takes
 * each further value, {@link #value} reads the result. The state of each step lives in primitive
 * arrays, so input series can be folded one at a time over all their steps. Not thread-safe.
 */
public interface GroupAccumulator {
    /** Forgets what {@code step} held and starts it with its first value. */
    void first(int step, double f);

    void add(int step, double f);

    double value(int step);
}
