package io.thanosjava.engine.eval;

import static java.util.Objects.requireNonNull;

import io.thanosjava.engine.CancelHandle;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.engine.storage.Queryable;
import java.util.LinkedHashSet;
import java.util.Set;

/** Per-query state shared by every operator: storage, options, limits, annotations, statistics. */
public final class EvalContext {
    private static final String STAGE = "expression evaluation";

    final Queryable queryable;
    final QueryOptions options;
    /** Start and end of the top-level query, for {@code @ start()} / {@code @ end()}. */
    final long queryStart;
    final long queryEnd;
    /** Step of the top-level query (0 for instant queries), for {@code step()} in duration expressions. */
    final long queryStep;
    private final CancelHandle cancel;
    private final long deadlineNanos;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> infos = new LinkedHashSet<>();
    private long samplesLoaded;
    private long peakSamples;

    public EvalContext(Queryable queryable, QueryOptions options, long queryStart, long queryEnd, long queryStep,
                       CancelHandle cancel) {
        this.queryable = requireNonNull(queryable, "queryable is null");
        this.options = requireNonNull(options, "options is null");
        this.queryStart = queryStart;
        this.queryEnd = queryEnd;
        this.queryStep = queryStep;
        this.cancel = requireNonNull(cancel, "cancel is null");
        long budget = options.timeout().toNanos();
        this.deadlineNanos = System.nanoTime() + budget;
    }

    /** Throws Prometheus' timeout or cancellation error when the query must stop. */
    public void checkInterrupted() {
        if (cancel.isCanceled() || Thread.currentThread().isInterrupted()) {
            throw new QueryException(QueryException.Type.CANCELED, "query was canceled in " + STAGE);
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new QueryException(QueryException.Type.TIMEOUT, "query timed out in " + STAGE);
        }
    }

    /** Counts samples read from storage into memory against {@link QueryOptions#maxSamples()}. */
    void addLoadedSamples(long n) {
        samplesLoaded += n;
        peakSamples = Math.max(peakSamples, samplesLoaded);
        if (samplesLoaded > options.maxSamples()) {
            throw QueryException.execution("query processing would load too many samples into memory in query execution");
        }
    }

    public void warn(String text) {
        warnings.add("PromQL warning: " + text);
    }

    public void info(String text) {
        infos.add("PromQL info: " + text);
    }

    /** A storage warning, passed on verbatim. */
    public void storageWarning(String text) {
        warnings.add(text);
    }

    public Set<String> warnings() {
        return warnings;
    }

    public Set<String> infos() {
        return infos;
    }

    public long samplesLoaded() {
        return samplesLoaded;
    }

    public long peakSamples() {
        return peakSamples;
    }

    public boolean delayedNameRemoval() {
        return options.delayedNameRemoval();
    }
}
