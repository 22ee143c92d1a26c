package io.thanosjava.model;

import java.util.List;

/**
 * A stream of series sorted by {@link Labels#compareTo}. {@code next()} may block while data
 * arrives; it throws when the source failed. {@link #warnings()} is complete once {@code next()}
 * returned {@code false}.
 */
public interface SeriesSet extends AutoCloseable {
    boolean next();

    Series at();

    List<String> warnings();

    /** Releases the underlying streams; safe to call more than once. */
    @Override
    void close();
}
