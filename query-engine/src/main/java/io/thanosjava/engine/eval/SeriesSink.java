package io.thanosjava.engine.eval;

import io.thanosjava.model.Labels;

/**
 * Receives the output series of an operator one at a time, so that a consumer which only folds
 * them (an aggregation) never needs every series in memory at once.
 */
interface SeriesSink {
    /**
     * An empty series for the producer to fill. A sink that does not keep series may hand out the
     * same instance again once {@link #accept} returned.
     */
    StepSeries series(Labels labels, int steps);

    /** Takes a filled series with at least one sample. */
    void accept(StepSeries s);
}
