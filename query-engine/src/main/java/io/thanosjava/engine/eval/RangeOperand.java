package io.thanosjava.engine.eval;

import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A range-vector operand seen one series at a time, with the windows of {@link EvalResult.Range}:
 * either streamed from storage (a matrix selector: one series' samples in memory at a time) or a
 * materialised {@link EvalResult.Range} (a subquery). Sample arrays are valid in
 * {@code [0, size())} until the next call of {@link #next()}.
 */
abstract class RangeOperand implements AutoCloseable {
    final long[] windowEnds;
    final long rangeMillis;
    final EvalResult.Edges edges;
    final long lookbackMillis;

    private RangeOperand(long[] windowEnds, long rangeMillis, EvalResult.Edges edges, long lookbackMillis) {
        this.windowEnds = windowEnds;
        this.rangeMillis = rangeMillis;
        this.edges = edges;
        this.lookbackMillis = lookbackMillis;
    }

    static RangeOperand of(EvalResult.Range r) {
        return new Materialized(r);
    }

    static RangeOperand stored(SelectedSeries in, long[] windowEnds, long rangeMillis, EvalResult.Edges edges,
                               long lookbackMillis) {
        return new Stored(in, windowEnds, rangeMillis, edges, lookbackMillis);
    }

    abstract boolean next();

    abstract Labels labels();

    abstract boolean dropName();

    abstract long[] timestamps();

    abstract double[] values();

    abstract int size();

    @Override
    public void close() {
    }

    /** Copies the remaining series into a {@link EvalResult.Range}, counting them as held. */
    EvalResult.Range materialize(EvalContext ctx) {
        List<Labels> labels = new ArrayList<>();
        List<long[]> ts = new ArrayList<>();
        List<double[]> vs = new ArrayList<>();
        boolean[] drop = new boolean[8];
        int[] sizes = new int[8];
        long kept = 0;
        while (next()) {
            int i = labels.size();
            if (i == sizes.length) {
                drop = Arrays.copyOf(drop, i * 2);
                sizes = Arrays.copyOf(sizes, i * 2);
            }
            labels.add(labels());
            drop[i] = dropName();
            sizes[i] = size();
            ts.add(Arrays.copyOf(timestamps(), size()));
            vs.add(Arrays.copyOf(values(), size()));
            kept += size();
            ctx.observe(kept);
        }
        int n = labels.size();
        return new EvalResult.Range(labels.toArray(new Labels[0]), Arrays.copyOf(drop, n), ts.toArray(new long[0][]),
                vs.toArray(new double[0][]), Arrays.copyOf(sizes, n), windowEnds, rangeMillis, edges, lookbackMillis);
    }

    private static final class Stored extends RangeOperand {
        private final SelectedSeries in;

        Stored(SelectedSeries in, long[] windowEnds, long rangeMillis, EvalResult.Edges edges, long lookbackMillis) {
            super(windowEnds, rangeMillis, edges, lookbackMillis);
            this.in = in;
        }

        @Override
        boolean next() {
            return in.next();
        }

        @Override
        Labels labels() {
            return in.labels();
        }

        @Override
        boolean dropName() {
            return false;
        }

        @Override
        long[] timestamps() {
            return in.timestamps();
        }

        @Override
        double[] values() {
            return in.values();
        }

        @Override
        int size() {
            return in.size();
        }

        @Override
        public void close() {
            in.close();
        }
    }

    private static final class Materialized extends RangeOperand {
        private final EvalResult.Range r;
        private int i = -1;

        Materialized(EvalResult.Range r) {
            super(r.windowEnds(), r.rangeMillis(), r.edges(), r.lookbackMillis());
            this.r = r;
        }

        @Override
        boolean next() {
            return ++i < r.labels().length;
        }

        @Override
        Labels labels() {
            return r.labels()[i];
        }

        @Override
        boolean dropName() {
            return r.dropName()[i];
        }

        @Override
        long[] timestamps() {
            return r.timestamps()[i];
        }

        @Override
        double[] values() {
            return r.values()[i];
        }

        @Override
        int size() {
            return r.sizes()[i];
        }
    }
}
