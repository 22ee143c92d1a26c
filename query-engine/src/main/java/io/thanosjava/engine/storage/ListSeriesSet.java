package io.thanosjava.engine.storage;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import java.util.List;

/** A {@link SeriesSet} over a list the caller has already sorted. */
public final class ListSeriesSet implements SeriesSet {
    private final List<Series> series;
    private final List<String> warnings;
    private int i = -1;

    /** The series, without warnings. */
    public ListSeriesSet(List<Series> sortedSeries) {
        this(sortedSeries, List.of());
    }

    /** The series, with warnings to report once read. */
    public ListSeriesSet(List<Series> sortedSeries, List<String> warnings) {
        this.series = requireNonNull(sortedSeries, "sortedSeries is null");
        this.warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    @Override
    public boolean next() {
        if (i < series.size()) {
            i++;
        }
        return i < series.size();
    }

    @Override
    public Series at() {
        return series.get(i);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
    }
}
