package io.thanosjava.engine.eval;

import io.thanosjava.engine.Value;
import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Turns an evaluation over a grid into the public result types, finishing delayed name removal. */
public final class ResultAssembler {
    private ResultAssembler() {
    }

    public static Value instant(EvalResult r, long time, boolean delayed) {
        if (r instanceof EvalResult.Scalars s) {
            return new Value.Scalar(time, s.values()[0]);
        }
        if (r instanceof EvalResult.Str s) {
            return new Value.StringValue(time, s.value());
        }
        if (r instanceof EvalResult.Range range) {
            return rangeVector(range, delayed);
        }
        List<StepSeries> series = finish(((EvalResult.Vectors) r).series(), delayed);
        List<Labels> labels = new ArrayList<>(series.size());
        double[] values = new double[series.size()];
        int n = 0;
        for (StepSeries s : series) {
            if (s.has(0)) {
                labels.add(s.labels);
                values[n++] = s.values[0];
            }
        }
        return new Value.Vector(time, labels, Arrays.copyOf(values, n));
    }

    public static Value.Matrix range(EvalResult r, StepGrid g, boolean delayed) {
        List<StepSeries> series;
        if (r instanceof EvalResult.Scalars s) {
            StepSeries one = new StepSeries(Labels.empty(), g.count());
            for (int i = 0; i < g.count(); i++) {
                one.set(i, s.values()[i]);
            }
            series = List.of(one);
        } else {
            series = finish(((EvalResult.Vectors) r).series(), delayed);
        }
        List<Value.Series> out = new ArrayList<>(series.size());
        // Series usually have samples at the same steps: they share one timestamps array, and a
        // series with a sample at every step hands over its values as they are (no copy).
        StepSeries previous = null;
        long[] t = null;
        for (StepSeries s : series) {
            if (s.isEmpty()) {
                continue;
            }
            if (previous == null || !s.samePresence(previous)) {
                t = presentTimes(s, g);
                previous = s;
            }
            out.add(new Value.Series(s.labels, t, s.isFull() ? s.values : presentValues(s)));
        }
        out.sort(Comparator.comparing(Value.Series::labels));
        return new Value.Matrix(out);
    }

    private static long[] presentTimes(StepSeries s, StepGrid g) {
        long[] t = new long[s.count()];
        int k = 0;
        for (int i = 0; i < s.steps(); i++) {
            if (s.has(i)) {
                t[k++] = g.time(i);
            }
        }
        return t;
    }

    private static double[] presentValues(StepSeries s) {
        double[] v = new double[s.count()];
        int k = 0;
        for (int i = 0; i < s.steps(); i++) {
            if (s.has(i)) {
                v[k++] = s.values[i];
            }
        }
        return v;
    }

    private static List<StepSeries> finish(List<StepSeries> in, boolean delayed) {
        return delayed ? NameDropping.finish(in) : NameDropping.mergeSameLabels(in, false);
    }

    /** A range vector at the top of an instant query: each series' samples inside its window. */
    private static Value.Matrix rangeVector(EvalResult.Range r, boolean delayed) {
        long end = r.windowEnds()[0];
        long start = end - r.rangeMillis();
        List<Value.Series> out = new ArrayList<>();
        for (int i = 0; i < r.labels().length; i++) {
            long[] t = r.timestamps()[i];
            int from = 0;
            int to = r.sizes()[i];
            while (from < to && t[from] <= start) {
                from++;
            }
            while (to > from && t[to - 1] > end) {
                to--;
            }
            if (from == to) {
                continue;
            }
            Labels l = delayed && r.dropName()[i] ? NameDropping.dropName(r.labels()[i]) : r.labels()[i];
            out.add(new Value.Series(l, Arrays.copyOfRange(t, from, to), Arrays.copyOfRange(r.values()[i], from, to)));
        }
        out.sort(Comparator.comparing(Value.Series::labels));
        return new Value.Matrix(out);
    }
}
