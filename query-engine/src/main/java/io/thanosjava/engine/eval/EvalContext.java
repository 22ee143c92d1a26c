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
    /** Samples held by the results of finished operators that are still referenced. */
    private long heldSamples;
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

    /** Counts samples read from storage, for {@link io.thanosjava.engine.QueryStats#totalQueryableSamples()}. */
    void countLoaded(long n) {
        samplesLoaded += n;
    }

    /**
     * Notes a moment at which {@code inFlight} samples are in memory on top of the held results
     * (series being read or built), checking the peak against {@link QueryOptions#maxSamples()} as
     * Prometheus' {@code --query.max-samples} does.
     */
    void observe(long inFlight) {
        long now = heldSamples + inFlight;
        if (now > peakSamples) {
            peakSamples = now;
        }
        if (now > options.maxSamples()) {
            throw QueryException.execution("query processing would load too many samples into memory in query execution");
        }
    }

    long heldSamples() {
        return heldSamples;
    }

    /**
     * Ends an operator that started when {@code before} samples were held: its operands and its
     * {@code output} coexist for a moment, then only the output stays.
     */
    void settle(long before, long output) {
        observe(output);
        heldSamples = before + output;
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
