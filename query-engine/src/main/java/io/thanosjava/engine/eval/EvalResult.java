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
     * window {@code (windowEnd[s] - rangeMillis, windowEnd[s]]}.
     */
    record Range(Labels[] labels, boolean[] dropName, long[][] timestamps, double[][] values, int[] sizes,
                 long[] windowEnds, long rangeMillis) implements EvalResult {
    }
}
