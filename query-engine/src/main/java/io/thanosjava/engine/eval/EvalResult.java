package io.thanosjava.engine.eval;

import io.thanosjava.model.Labels;
import java.util.List;

/** What an expression evaluates to over a grid. */
public sealed interface EvalResult {
    /** A scalar per step. */
    record Scalars(double[] values) implements EvalResult {
    }

    /** An instant vector per step. */
    record Vectors(List<StepSeries> series) implements EvalResult {
    }

    record Str(String value) implements EvalResult {
    }

    /**
     * A range vector: the raw samples of each series (stale markers removed) and, per step, the
     * window {@code (windowEnd[s] - rangeMillis, windowEnd[s]]}. An {@code anchored} or
     * {@code smoothed} selector also holds the samples up to {@code lookbackMillis} before each
     * window (and, when smoothed, after it) that the edge values are taken from.
     */
    record Range(Labels[] labels, boolean[] dropName, long[][] timestamps, double[][] values, int[] sizes,
                 long[] windowEnds, long rangeMillis, Edges edges, long lookbackMillis) implements EvalResult {
        Range(Labels[] labels, boolean[] dropName, long[][] timestamps, double[][] values, int[] sizes, long[] windowEnds,
              long rangeMillis) {
            this(labels, dropName, timestamps, values, sizes, windowEnds, rangeMillis, Edges.PLAIN, 0);
        }
    }

    /** How a range selector treats its window edges (Prometheus' extended range selectors). */
    enum Edges { PLAIN, ANCHORED, SMOOTHED }
}
