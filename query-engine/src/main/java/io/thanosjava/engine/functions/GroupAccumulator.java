package io.thanosjava.engine.functions;

/**
 * The float fold of one aggregation group at one step ({@code sum}, {@code avg},
 * {@code stdvar}): {@link #first} starts the group with its first value, {@link #add} takes each
 * further value, {@link #value} reads the result. Implementations are reusable and not thread-safe.
 */
public interface GroupAccumulator {
    /** Forgets the previous group and starts a new one with its first value. */
    void first(double f);

    void add(double f);

    double value();
}
