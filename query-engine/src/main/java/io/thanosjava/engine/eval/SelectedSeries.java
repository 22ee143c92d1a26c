package io.thanosjava.engine.eval;

import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.SeriesSet;
import io.thanosjava.model.StaleNaN;
import java.util.Arrays;
import java.util.List;

/**
 * The series one selector reads from storage, decoded one at a time into primitive buffers that
 * are reused for every series: a selector never holds more than one series' samples, whatever
 * its consumer keeps. Series without a sample in the time range are skipped.
 */
final class SelectedSeries implements AutoCloseable {
    private final EvalContext ctx;
    /** Null when the time range is empty. */
    private final SeriesSet set;
    private final long mint;
    private final long maxt;
    private final boolean dropStale;
    private long[] t = new long[64];
    private double[] v = new double[64];
    private int n;
    private Labels labels;

    private SelectedSeries(EvalContext ctx, SeriesSet set, long mint, long maxt, boolean dropStale) {
        this.ctx = ctx;
        this.set = set;
        this.mint = mint;
        this.maxt = maxt;
        this.dropStale = dropStale;
    }

    /** Selects the series matching {@code matchers} with samples in {@code [hints.start(), hints.end()]}. */
    static SelectedSeries open(EvalContext ctx, SelectHints hints, List<LabelMatcher> matchers, boolean dropStale) {
        try {
            return new SelectedSeries(ctx, ctx.queryable.select(hints, matchers), hints.start(), hints.end(), dropStale);
        } catch (QueryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw expanding(e);
        }
    }

    /** No series: the selector's time range is empty. */
    static SelectedSeries none(EvalContext ctx) {
        return new SelectedSeries(ctx, null, 0, -1, false);
    }

    /** Decodes the next series with samples; {@code false} at the end. */
    boolean next() {
        if (set == null) {
            return false;
        }
        try {
            while (set.next()) {
                ctx.checkInterrupted();
                decode(set.at().iterator());
                if (n > 0) {
                    labels = set.at().labels();
                    ctx.countLoaded(n);
                    ctx.observe(n);
                    return true;
                }
            }
        } catch (QueryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw expanding(e);
        }
        for (String w : set.warnings()) {
            ctx.storageWarning(w);
        }
        return false;
    }

    private void decode(SampleIterator it) {
        n = 0;
        if (!it.seek(mint)) {
            return;
        }
        do {
            long ts = it.atT();
            if (ts > maxt) {
                break;
            }
            double val = it.atV();
            if (dropStale && Double.doubleToRawLongBits(val) == StaleNaN.BITS) {
                continue;
            }
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                v = Arrays.copyOf(v, n * 2);
            }
            t[n] = ts;
            v[n++] = val;
        } while (it.next());
    }

    Labels labels() {
        return labels;
    }

    /** Timestamps of the current series, valid in {@code [0, size())} until the next call of {@link #next()}. */
    long[] timestamps() {
        return t;
    }

    double[] values() {
        return v;
    }

    int size() {
        return n;
    }

    @Override
    public void close() {
        if (set != null) {
            set.close();
        }
    }

    private static QueryException expanding(RuntimeException e) {
        return new QueryException(QueryException.Type.INTERNAL, "expanding series: " + e.getMessage(), e);
    }
}
