package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code __name__} removal (immediate or delayed) and the merging of series that then share labels. */
final class NameDropping {
    static final String SAME_LABELSET = "vector cannot contain metrics with the same labelset";
    private static final List<String> RESERVED = List.of(Labels.METRIC_NAME, "__type__", "__unit__");

    private NameDropping() {
    }

    /** Labels without the metric name and the metadata labels that go with it. */
    static Labels dropName(Labels l) {
        return l.without(RESERVED);
    }

    /** Drops the name now (immediate mode) or marks the series for dropping at the end (delayed mode). */
    static void drop(StepSeries s, boolean delayed) {
        if (delayed) {
            s.dropName = true;
        } else {
            s.labels = dropName(s.labels);
        }
    }

    /**
     * Merges series with equal labels; fails when two of them have a sample at the same step, or
     * at all when {@code rejectAnyCollision}.
     */
    static List<StepSeries> mergeSameLabels(List<StepSeries> in, boolean rejectAnyCollision) {
        Map<Labels, StepSeries> byLabels = new HashMap<>(in.size() * 2);
        List<StepSeries> out = new ArrayList<>(in.size());
        for (StepSeries s : in) {
            if (s.isEmpty()) {
                continue;
            }
            StepSeries prev = byLabels.putIfAbsent(s.labels, s);
            if (prev == null) {
                out.add(s);
                continue;
            }
            if (rejectAnyCollision || prev.overlaps(s)) {
                throw QueryException.execution(SAME_LABELSET);
            }
            prev.absorb(s);
            prev.dropName |= s.dropName;
        }
        return out;
    }

    /** The end of evaluation under delayed removal: drop marked names, then merge. */
    static List<StepSeries> finish(List<StepSeries> in) {
        boolean any = false;
        for (StepSeries s : in) {
            if (s.dropName) {
                s.labels = dropName(s.labels);
                s.dropName = false;
                any = true;
            }
        }
        return any ? mergeSameLabels(in, false) : in;
    }
}
